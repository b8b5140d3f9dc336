package dev.catena.host.step;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.condition.Expression;
import dev.catena.host.exec.Exec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code memoize: {key: value.sku, ttl: 10m, max-size: 10000}} on a step declared
 * {@code pure: true}: its output for a key is remembered (Caffeine, bounded, expiring after
 * write). Only successful outputs are cached: a failure is never remembered. A hit rebuilds the
 * output on the current record's partition, offset and origin.
 */
public final class MemoizedStep implements Step {
    private static final JsonCodec JSON = new JsonCodec();

    /** What a pure step made of a record, without where the record came from. */
    private record Result(List<Message> messages) {
    }

    private final Step step;
    private final Expression key;
    private final Cache<String, Result> cache;

    public MemoizedStep(Step step, Expression key, Duration ttl, long maxSize, LongSupplier clockMillis) {
        this.step = step;
        this.key = key;
        Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(maxSize).recordStats()
                .ticker(() -> clockMillis.getAsLong() * 1_000_000L)
                .executor(Runnable::run);
        if (ttl != null) {
            b.expireAfterWrite(ttl);
        }
        this.cache = b.build();
    }

    @Override
    public String id() {
        return step.id();
    }

    @Override
    public List<Step> children() {
        return List.of(step);
    }

    /** Hits, misses and evictions so far. */
    public CacheStats stats() {
        cache.cleanUp();
        return cache.stats();
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        String k = JSON.encodeValue(key.eval(input, x));
        Result cached = cache.getIfPresent(k);
        if (cached != null) {
            List<Message> out = new ArrayList<>(cached.messages().size());
            for (Message m : cached.messages()) {
                out.add(m.toBuilder().partition(input.partition()).offset(input.offset()).origin(input.origin()).build());
            }
            x.trace(step.id(), "cache hit (" + k + ")", out.isEmpty() ? null : out.get(0));
            if (out.isEmpty()) {
                x.droppedBy(step.id());
            }
            return out;
        }
        List<Message> out = step.apply(input, x);
        cache.put(k, new Result(List.copyOf(out)));
        x.trace(step.id(), "cache miss (" + k + "), stored");
        return out;
    }
}
