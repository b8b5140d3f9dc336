package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.condition.Expression;
import dev.catena.host.exec.Exec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aggregate: {key: value.customer, count: 100}} or {@code {key: ..., window: 1m}}: groups
 * records by key into tumbling windows — of {@code count} records, or of {@code window} time by
 * record timestamp (the clock when a record has none) — and releases one record per group when
 * its window closes, and for every open group at end of input. The released record has the
 * group's key as key and the value {@code {key, count, items: [values...], window: {start, end}}}
 * ({@code window} only for time windows); topic and headers are the first record's.
 */
public final class AggregateStep implements StatefulStep {
    private final String id;
    private final Expression key;
    private final int count;
    private final long windowMillis;
    private final Map<Object, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        final Message first;
        final long windowStart;
        final List<Object> items = new ArrayList<>();

        Group(Message first, long windowStart) {
            this.first = first;
            this.windowStart = windowStart;
        }
    }

    /** @param count records per window (0 for time windows) @param windowMillis window length (0 for count windows) */
    public AggregateStep(String id, Expression key, int count, long windowMillis) {
        this.id = id;
        this.key = key;
        this.count = count;
        this.windowMillis = windowMillis;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized List<Message> accept(Message input, Exec x) {
        Object k = key.eval(input, x);
        long ts = input.timestamp() != null ? input.timestamp() : x.now();
        List<Message> released = new ArrayList<>();
        if (windowMillis > 0) {
            long start = Math.floorDiv(ts, windowMillis) * windowMillis;
            // a record at or past a window's end closes it (event time moves forward)
            groups.entrySet().removeIf(e -> {
                if (e.getValue().windowStart + windowMillis <= ts) {
                    released.add(emit(e.getKey(), e.getValue()));
                    return true;
                }
                return false;
            });
            Group g = groups.computeIfAbsent(k, kk -> new Group(input, start));
            g.items.add(input.value());
        } else {
            Group g = groups.computeIfAbsent(k, kk -> new Group(input, 0));
            g.items.add(input.value());
            if (g.items.size() >= count) {
                groups.remove(k);
                released.add(emit(k, g));
            }
        }
        x.trace(id, "absorbed into group " + k + (released.isEmpty() ? "" : ", released " + released.size()));
        return released;
    }

    @Override
    public synchronized List<Message> flush(Exec x) {
        List<Message> out = new ArrayList<>();
        for (Map.Entry<Object, Group> e : groups.entrySet()) {
            out.add(emit(e.getKey(), e.getValue()));
        }
        groups.clear();
        return out;
    }

    private Message emit(Object k, Group g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", k);
        v.put("count", (long) g.items.size());
        v.put("items", new ArrayList<>(g.items));
        Long ts = g.first.timestamp();
        if (windowMillis > 0) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("start", g.windowStart);
            w.put("end", g.windowStart + windowMillis);
            v.put("window", w);
            ts = g.windowStart + windowMillis;
        }
        return Message.builder().key(k).value(v).topic(g.first.topic()).headers(g.first.headers()).timestamp(ts)
                .origin("aggregate " + id + " of " + g.first.describe()).build();
    }
}
