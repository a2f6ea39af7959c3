package io.threatingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code ingest.*} setting, with its default. The README lists them for operators. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    Broker broker();

    Publish publish();

    Addresses addresses();

    Events events();

    Auth auth();

    Scan scan();

    Limits limits();

    RateLimit rateLimit();

    State state();

    Batch batch();

    Taxii taxii();

    Screening screening();

    /** Values screened against false-positive and exclusion lists in the MISP warninglist format (docs/screening.md). */
    interface Screening {

        /** The directory of lists: every {@code *.json} file in it is one list, keyed by its name without .json. */
        Optional<java.nio.file.Path> directory();

        /** How often the directory is checked for changed, added and removed files (at most 10s). */
        @WithDefault("5s")
        Duration reloadInterval();

        /** What a match with a list does, by list key: report (the default), tag, drop or refuse. */
        Map<String, String> actions();
    }

    /** The TAXII 2.1 server (write side): discovery, one API root, the collections clients may add objects to. */
    interface Taxii {

        /** Discovery: the server's title, description and contact. */
        @WithDefault("threat-ingest TAXII 2.1")
        String title();

        Optional<String> description();

        Optional<String> contact();

        /** The path segment of the one API root: {@code /taxii2/<api-root>/}. */
        @WithDefault("ingest")
        String apiRoot();

        @WithDefault("threat-ingest")
        String rootTitle();

        Optional<String> rootDescription();

        /** How long the status of an add-objects request can be read. */
        @WithDefault("24h")
        Duration statusRetention();

        /** Statuses remembered at once (memory backend); the oldest are forgotten first. */
        @WithDefault("10000")
        int maxStatuses();

        /** The collections, by id (a UUID); none by default. */
        Map<String, Collection> collections();

        interface Collection {

            String title();

            Optional<String> description();

            /** Added to every entity added through the collection. */
            Optional<List<String>> tags();

            /** The visibility of entities that name none (checked like any visibleBy). */
            Optional<List<String>> visibleBy();
        }
    }

    /** How {@code POST /batch} packs accepted trees into events (docs/events.md). */
    interface Batch {

        /** Trees one event carries at most; 1 gives one event per tree. */
        @WithDefault("100")
        int treesPerEvent();

        /**
         * An event is closed before a tree would take it past this size (an upper bound of its JSON); a single
         * tree larger than this still travels, alone.
         */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxEventSize();

        /** Events of one batch sent to the broker before the first is settled. */
        @WithDefault("64")
        int publishWindow();
    }

    Idempotency idempotency();

    /**
     * The {@code Idempotency-Key} request header on POST under {@code /api/ingest/v1}: answers kept per caller and
     * key, in the state backend, so that a retried request is answered again instead of being processed twice.
     */
    interface Idempotency {

        /** Off: the header is ignored and every request is processed. */
        @WithDefault("true")
        boolean enabled();

        /** How long a stored answer is replayed for its key; after that the key is free again. */
        @WithDefault("24h")
        Duration retention();

        /**
         * How long a request may hold its key before it counts as abandoned (its replica stopped) and the key is
         * free again. At least twice {@code ingest.publish.timeout} is used whatever is set, so that a request
         * still waiting for the broker never loses its key to a retry.
         */
        @WithDefault("1m")
        Duration inFlightTimeout();

        /** Keys remembered at once (memory backend); the oldest are forgotten first. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * Bytes of kept answers at once (memory backend; a 10,000-item batch answers with about 2 MB); the oldest
         * are forgotten first, and an answer larger than this is not kept (its retry runs anew).
         */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize maxMemory();
    }

    /** Where state shared by the replicas lives: scan tasks, rate-limit buckets, idempotency keys. */
    interface State {

        enum Backend {
            /** In this process: right for one replica (the local run, tests). */
            MEMORY,
            /** In Redis 7 or Valkey ({@code quarkus.redis.hosts}): shared by every replica. */
            REDIS
        }

        @WithDefault("memory")
        Backend backend();

        /** The longest a request waits for the backend before it counts as unavailable. */
        @WithDefault("500ms")
        Duration timeout();

        /**
         * A 256-bit key, base64: webhooks (URL and headers, which may hold the receiver's credentials) are stored
         * in Redis sealed with it (AES-GCM). Required for scans with a webhook when the backend is Redis.
         */
        Optional<String> secretKey();
    }

    /** Per-identity token buckets: {@code burst} requests at once, refilled at {@code requests-per-second}. */
    interface RateLimit {

        @WithDefault("false")
        boolean enabled();

        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("100")
        int burst();

        /** What to do when the state backend cannot be asked: {@code allow} the request, or {@code refuse} it (503). */
        @WithDefault("allow")
        OnBackendFailure onBackendFailure();

        enum OnBackendFailure {
            ALLOW, REFUSE
        }

        /**
         * Identities tracked at once: their buckets with the memory backend (the least recently seen are forgotten
         * first), the replica's leases of their shared buckets with Redis (beyond it, a new caller's requests ask
         * Redis one by one).
         */
        @WithDefault("100000")
        int maxIdentities();

        /**
         * With Redis: the most tokens a replica takes for a busy caller in one call, spent locally (never more than
         * an eighth of the burst). 1 asks Redis on every request.
         */
        @WithDefault("64")
        int maxLease();
    }

    /** Bounds on what one request may hold; beyond them the answer is 413 (body) or 400 (the rest). */
    interface Limits {

        /** Request body, any transfer encoding. */
        @WithDefault("4M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /**
         * Bytes of request bodies of 64 KiB or more that authenticated callers have in progress at once (parsed,
         * validated, published, answered); a body that would go over it is answered 503 with {@code Retry-After} at
         * once, and one body is always taken whatever its size. Parsed bodies take many times their size in
         * memory, so this bounds the heap that concurrent large submissions need. Unset: a 32nd of the JVM's
         * maximum heap.
         */
        java.util.Optional<io.quarkus.runtime.configuration.MemorySize> maxBodyBytesInProgress();

        /** Levels of nested associations below the submitted entity. */
        @WithDefault("16")
        int maxAssociationDepth();

        /** Entities in one submission, correlated ones included. */
        @WithDefault("10000")
        int maxEntities();

        /** Attributes of one entity. */
        @WithDefault("129")
        int maxAttributes();

        @WithDefault("64")
        int maxTags();

        @WithDefault("64")
        int maxVisibleBy();

        @WithDefault("129")
        int maxCorrelate();

        /** Items (entity trees) in one {@code POST /batch}. */
        @WithDefault("10000")
        int maxBatchItems();
    }

    /** Scan tasks and their webhooks. */
    interface Scan {

        /** A finished task is returned again (200) for this long instead of scanning the target anew. */
        @WithDefault("24h")
        Duration reuseWindow();

        /** Unfinished tasks are forgotten after this long. */
        @WithDefault("7d")
        Duration retention();

        /**
         * How long a replica may take to call a finished task's webhook (all attempts) before another replica
         * takes the call over, assuming the first one stopped.
         */
        @WithDefault("2m")
        Duration webhookLease();

        /** At most this many tasks are kept (memory backend); the oldest finished ones go first. */
        @WithDefault("100000")
        int maxTasks();

        Webhook webhook();

        interface Webhook {

            /**
             * Whether scans may name a webhook. With the Redis backend webhooks need {@code ingest.state.secret-key}
             * (the service does not start without it unless this is {@code false}); switched off, a scan that names
             * one is answered 503.
             */
            @WithDefault("true")
            boolean enabled();

            @WithDefault("5s")
            Duration timeout();

            /** Attempts in all, the first included; waits double from the backoff between them. */
            @WithDefault("4")
            int maxAttempts();

            @WithDefault("1s")
            Duration backoff();

            /** Allow plain http webhooks (https only by default). */
            @WithDefault("false")
            boolean allowHttp();

            /**
             * Host names or IP addresses exempt from the rule that webhooks must not reach private, loopback,
             * link-local or metadata addresses (for an internal receiver you trust).
             */
            Optional<List<String>> allowedHosts();
        }
    }

    /** The AMQP 1.0 broker the service publishes to. */
    interface Broker {

        @WithDefault("localhost")
        String host();

        @WithDefault("5672")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** Connect with TLS. */
        @WithDefault("false")
        boolean tls();

        /**
         * Name of a Quarkus TLS configuration ({@code quarkus.tls.<name>.*}) holding the trust store (and a
         * key store for mutual TLS). Without it the JVM's default trust store is used.
         */
        Optional<String> tlsConfigurationName();

        /** Host name sent in the AMQP open frame and as TLS SNI, when it differs from {@link #host()}. */
        Optional<String> virtualHost();

        @WithDefault("2s")
        Duration connectTimeout();

        /** How often a lost connection is tried again, also without traffic. */
        @WithDefault("1s")
        Duration reconnectInterval();
    }

    interface Publish {

        /** How long a request waits for the broker to accept its message before it is answered 503. */
        @WithDefault("5s")
        Duration timeout();

        /** The {@code Retry-After} advised to clients when the broker cannot take a submission. */
        @WithDefault("5s")
        Duration retryAfter();

        /**
         * Messages this instance may have sent to the broker and not yet seen settled. A publish beyond it is
         * refused at once (503 with {@code Retry-After}) rather than queued without bound.
         */
        @WithDefault("10000")
        int maxInFlight();
    }

    /** AMQP addresses, each backed by a durable anycast queue of the same name. */
    interface Addresses {

        @WithDefault("ingest.entities")
        String entities();

        @WithDefault("ingest.associations")
        String associations();

        @WithDefault("ingest.comments")
        String comments();

        /** Scan tasks for the scanner workers. */
        @WithDefault("ingest.scans")
        String scans();

        /** Incoming: progress reports of the scanner workers. */
        @WithDefault("ingest.scan-status")
        String scanStatus();

        /** Every queue the service needs, for the local run's broker and for documentation. */
        default java.util.List<String> all() {
            return java.util.List.of(entities(), associations(), comments(), scans(), scanStatus());
        }
    }

    interface Events {

        /** The CloudEvents {@code source} attribute of every event. */
        @WithDefault("/threat-ingest")
        String source();
    }

    /** Authentication by API key pair (this store) or by Bearer JWT ({@code mp.jwt.verify.*}). */
    interface Auth {

        /** The API key store: one JSON object per line (see README). Without it no API key is accepted. */
        Optional<java.nio.file.Path> apiKeysFile();

        /** How often the key store file is checked for changes. */
        @WithDefault("5s")
        Duration reloadInterval();

        /** How long a secret that passed Argon2id is remembered (0 to verify every request). */
        @WithDefault("60s")
        Duration verificationCacheTtl();

        @WithDefault("10000")
        int verificationCacheSize();

        /**
         * Argon2id checks that may run at once; each holds 19 MiB while it runs. Concurrent checks of the
         * same key pair share one computation.
         */
        @WithDefault("2")
        int maxConcurrentVerifications();

        /** Create an in-memory key pair with every role at start and print it once (local and dev only). */
        @WithDefault("false")
        boolean demoKey();

        Jwt jwt();

        TokenCache tokenCache();

        /**
         * Bearer tokens that passed verification, remembered by a digest of the token until the earlier of their
         * {@code exp} and the TTL.
         */
        interface TokenCache {

            /** Tokens remembered at once, the least recently used forgotten first (0 verifies every request). */
            @WithDefault("10000")
            int maxSize();

            /** The longest a verified token is remembered (0 verifies every request). */
            @WithDefault("5m")
            Duration ttl();
        }

        interface Jwt {

            /** Claim holding the caller's groups (visibility). */
            @WithDefault("groups")
            String groupsClaim();

            /** Claim holding the caller's roles. */
            @WithDefault("roles")
            String rolesClaim();
        }
    }
}
