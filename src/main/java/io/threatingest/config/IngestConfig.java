package io.threatingest.config;

import java.time.Duration;
import java.util.List;
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

    Identity identity();

    EmbeddedBroker embeddedBroker();

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
    }

    /** AMQP addresses, each backed by a durable anycast queue of the same name. */
    interface Addresses {
        @WithDefault("ingest.entities")
        String entities();
    }

    interface Events {
        /** The CloudEvents {@code source} attribute of every event. */
        @WithDefault("/threat-ingest")
        String source();
    }

    /** The identity recorded on submissions until authentication is configured. */
    interface Identity {
        @WithDefault("anonymous")
        String defaultUserId();

        @WithDefault("public")
        List<String> defaultGroups();
    }

    /** An in-process Artemis broker on {@code ingest.broker.host:port}, for running without infrastructure. */
    interface EmbeddedBroker {
        @WithDefault("false")
        boolean enabled();

        /** Journal location; messages survive restarts when {@link #persistent()} is on. */
        @WithDefault("${java.io.tmpdir}/threat-ingest-broker")
        String dataDir();

        @WithDefault("true")
        boolean persistent();
    }
}
