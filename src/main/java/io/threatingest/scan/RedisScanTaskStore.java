package io.threatingest.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.threatingest.scan.ScanTask.WebhookState;
import io.threatingest.state.RedisScript;
import io.threatingest.state.SecretBox;
import io.vertx.mutiny.redis.client.Response;

/**
 * Scan tasks in Redis, shared by every replica. A task is a hash under its target's key; an id key points from the
 * task id to the target, and a sorted set holds the leases of webhook calls in progress. Every change is one
 * script, so it is atomic across replicas. Keys share the hash tag {@code {scan}}, so that the scripts also work
 * on a Redis cluster (all scan keys in one slot). The webhook (URL and headers) is stored sealed.
 */
public final class RedisScanTaskStore implements ScanTaskStore {

    private static final Logger LOG = Logger.getLogger(RedisScanTaskStore.class);

    private static final String PREFIX = "threat-ingest:{scan}:";
    private static final String LEASES = PREFIX + "webhook-leases";

    // KEYS: task hash, id key. ARGV: id, now, reuse ms, retention ms, kind, target, sealed webhook, webhook state
    private static final RedisScript CLAIM = new RedisScript("""
            local now = tonumber(ARGV[2])
            local current = redis.call('HMGET', KEYS[1], 'id', 'status', 'finished', 'created')
            if current[1] then
              local reusable
              if current[2] == 'done' then
                reusable = now - tonumber(current[3]) < tonumber(ARGV[3])
              else
                reusable = now - tonumber(current[4]) < tonumber(ARGV[4])
              end
              if reusable then
                local task = redis.call('HGETALL', KEYS[1])
                table.insert(task, 1, '0')
                return task
              end
              redis.call('DEL', KEYS[1])
            end
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'target', ARGV[6], 'kind', ARGV[5], 'status', 'new',
              'created', ARGV[2], 'updated', ARGV[2], 'webhook', ARGV[7], 'hook', ARGV[8])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[4])
            local task = redis.call('HGETALL', KEYS[1])
            table.insert(task, 1, '1')
            return task
            """);

    // KEYS: task hash, leases. ARGV: id, status, status rank, now, lease ms, reuse ms
    private static final RedisScript ADVANCE = new RedisScript("""
            local current = redis.call('HMGET', KEYS[1], 'id', 'status', 'hook')
            if current[1] ~= ARGV[1] then return {} end
            local ranks = {new = 0, queued = 1, running = 2, done = 3}
            local call = '0'
            if tonumber(ARGV[3]) > ranks[current[2]] then
              redis.call('HSET', KEYS[1], 'status', ARGV[2], 'updated', ARGV[4])
              if ARGV[2] == 'done' then
                redis.call('HSET', KEYS[1], 'finished', ARGV[4])
                redis.call('PEXPIRE', KEYS[1], ARGV[6])
                if current[3] == 'pending' then
                  redis.call('HSET', KEYS[1], 'hook', 'calling')
                  redis.call('ZADD', KEYS[2], tonumber(ARGV[4]) + tonumber(ARGV[5]), KEYS[1])
                  call = '1'
                end
              end
            end
            local task = redis.call('HGETALL', KEYS[1])
            table.insert(task, 1, call)
            return task
            """);

    // KEYS: task hash, leases. ARGV: id, outcome
    private static final RedisScript WEBHOOK_ENDED = new RedisScript("""
            redis.call('ZREM', KEYS[2], KEYS[1])
            if redis.call('HGET', KEYS[1], 'id') == ARGV[1] then
              redis.call('HSET', KEYS[1], 'hook', ARGV[2])
            end
            return 1
            """);

    // KEYS: leases. ARGV: now, lease ms. Takes over at most 10 expired leases of calls still in progress, returning
    // their task hashes' keys; drops the leases of tasks that expired or whose call ended meanwhile.
    private static final RedisScript ABANDONED = new RedisScript("""
            local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 10)
            local taken = {}
            for _, key in ipairs(expired) do
              if redis.call('HGET', key, 'hook') == 'calling' then
                redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), key)
                table.insert(taken, key)
              else
                redis.call('ZREM', KEYS[1], key)
              end
            end
            return taken
            """);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Optional<SecretBox> box;
    private final Duration reuseWindow;
    private final Duration retention;
    private final Duration lease;

    public RedisScanTaskStore(ReactiveRedisDataSource redis, ObjectMapper json, Optional<SecretBox> box,
            Duration reuseWindow, Duration retention, Duration lease) {
        this.redis = redis;
        this.json = json;
        this.box = box;
        this.reuseWindow = reuseWindow;
        this.retention = retention;
        this.lease = lease;
    }

    @Override
    public Uni<Claim> claim(ScanTask candidate, Instant now) {
        return CLAIM.run(redis, List.of(taskKey(candidate.target()), idKey(candidate.id())),
                List.of(candidate.id(), millis(now), Long.toString(reuseWindow.toMillis()),
                        Long.toString(retention.toMillis()), candidate.targetKind(), candidate.target(),
                        seal(candidate.webhook()), candidate.webhookState().wireName()))
                .map(answer -> new Claim(task(answer, 1), "1".equals(answer.get(0).toString())));
    }

    @Override
    public Uni<Optional<ScanTask>> get(String id) {
        return redis.execute("GET", idKey(id))
                .flatMap(target -> target == null
                        ? Uni.createFrom().item((Response) null)
                        : redis.execute("HGETALL", taskKey(target.toString())))
                .map(answer -> {
                    if (answer == null || answer.size() == 0) {
                        return Optional.<ScanTask>empty();
                    }
                    ScanTask task = task(answer, 0);
                    return id.equals(task.id()) ? Optional.of(task) : Optional.<ScanTask>empty();
                });
    }

    @Override
    public Uni<Optional<Advance>> advance(String id, ScanStatus status, Instant now) {
        return target(id).flatMap(target -> target == null
                ? Uni.createFrom().item(Optional.<Advance>empty())
                : ADVANCE.run(redis, List.of(taskKey(target), LEASES), List.of(id, status.wireName(),
                        Integer.toString(status.ordinal()), millis(now), Long.toString(lease.toMillis()),
                        Long.toString(reuseWindow.toMillis())))
                        .map(answer -> answer.size() == 0
                                ? Optional.<Advance>empty()
                                : Optional.of(new Advance(task(answer, 1), "1".equals(answer.get(0).toString())))));
    }

    @Override
    public Uni<Void> webhookEnded(String id, WebhookState outcome) {
        return target(id).flatMap(target -> target == null
                ? Uni.createFrom().voidItem()
                : WEBHOOK_ENDED.run(redis, List.of(taskKey(target), LEASES), List.of(id, outcome.wireName()))
                        .replaceWithVoid());
    }

    @Override
    public Uni<List<ScanTask>> abandonedWebhooks(Instant now) {
        return ABANDONED.run(redis, List.of(LEASES), List.of(millis(now), Long.toString(lease.toMillis())))
                .flatMap(keys -> {
                    List<Uni<Response>> reads = new ArrayList<>();
                    for (Response key : keys) {
                        reads.add(redis.execute("HGETALL", key.toString()));
                    }
                    return reads.isEmpty()
                            ? Uni.createFrom().item(List.<ScanTask>of())
                            : Uni.join().all(reads).andFailFast().map(all -> all.stream()
                                    .filter(answer -> answer.size() > 0).map(this::takenOver)
                                    .filter(task -> task != null && task.webhookState() == WebhookState.CALLING)
                                    .toList());
                });
    }

    /** A task whose call this replica takes over; one it cannot open is left out, so it holds up no other. */
    private ScanTask takenOver(Response answer) {
        try {
            return task(answer, 0);
        } catch (SecretBox.Unopenable e) {
            LOG.errorf("Cannot take over a webhook call of %s: %s", answer.isMap() ? answer.get("id") : "a task",
                    e.getMessage());
            return null;
        }
    }

    @Override
    public Uni<Void> remove(String id) {
        return target(id).flatMap(target -> target == null
                ? Uni.createFrom().voidItem()
                : redis.execute("DEL", taskKey(target), idKey(id)).replaceWithVoid());
    }

    private Uni<String> target(String id) {
        return redis.execute("GET", idKey(id)).map(answer -> answer == null ? null : answer.toString());
    }

    private static String taskKey(String target) {
        return PREFIX + "task:" + target;
    }

    private static String idKey(String id) {
        return PREFIX + "id:" + id;
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    /** A task from HGETALL's map, or from a script's flat field/value list starting at {@code from}. */
    private ScanTask task(Response answer, int from) {
        Map<String, String> fields = new HashMap<>();
        if (answer.isMap()) {
            answer.getKeys().forEach(key -> fields.put(key, answer.get(key).toString()));
        } else {
            for (int i = from; i + 1 < answer.size(); i += 2) {
                fields.put(answer.get(i).toString(), answer.get(i + 1).toString());
            }
        }
        return new ScanTask(fields.get("id"), fields.get("target"), fields.get("kind"),
                ScanStatus.valueOf(fields.get("status").toUpperCase(java.util.Locale.ROOT)),
                instant(fields.get("created")), instant(fields.get("updated")), instant(fields.get("finished")),
                open(fields.get("webhook")), WebhookState.of(fields.get("hook")));
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private String seal(ScanTask.Webhook webhook) {
        if (webhook == null) {
            return "";
        }
        try {
            return box.orElseThrow(() -> new IllegalStateException("no ingest.state.secret-key"))
                    .seal(json.writeValueAsString(webhook));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScanTask.Webhook open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(box.orElseThrow(() -> new SecretBox.Unopenable("a sealed webhook, and no "
                    + "ingest.state.secret-key to open it", null))
                    .open(sealed), ScanTask.Webhook.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
