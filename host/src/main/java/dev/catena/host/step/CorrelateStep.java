package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.condition.Condition;
import dev.catena.host.condition.Expression;
import dev.catena.host.exec.Exec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code correlate: {key: value.order_id, left: <condition>, right: <condition>, window: 5m,
 * as: [order, payment]}}: pairs a left record with a right record of the same key that arrives
 * within the window (by record timestamp), releasing one record whose value is
 * {@code {order: <left value>, payment: <right value>}} and key the shared key. Records of
 * neither kind pass through untouched. A record whose window passes without a partner (or that
 * is still waiting at end of input) is released alone with header
 * {@code catena.correlate=unmatched}, so nothing disappears.
 */
public final class CorrelateStep implements StatefulStep {
    private final String id;
    private final Expression key;
    private final Condition left;
    private final Condition right;
    private final long windowMillis;
    private final String leftName;
    private final String rightName;
    private final Map<Object, Deque<Message>> waitingLeft = new LinkedHashMap<>();
    private final Map<Object, Deque<Message>> waitingRight = new LinkedHashMap<>();

    public CorrelateStep(String id, Expression key, Condition left, Condition right, long windowMillis, String leftName, String rightName) {
        this.id = id;
        this.key = key;
        this.left = left;
        this.right = right;
        this.windowMillis = windowMillis;
        this.leftName = leftName;
        this.rightName = rightName;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized List<Message> accept(Message input, Exec x) {
        long ts = input.timestamp() != null ? input.timestamp() : x.now();
        List<Message> released = expire(ts);
        boolean isLeft = left.test(input, x);
        if (!isLeft && !right.test(input, x)) {
            x.trace(id, "neither kind, passed on");
            released.add(input);
            return released;
        }
        Object k = key.eval(input, x);
        Map<Object, Deque<Message>> partners = isLeft ? waitingRight : waitingLeft;
        Deque<Message> q = partners.get(k);
        if (q != null && !q.isEmpty()) {
            Message partner = q.pollFirst();
            if (q.isEmpty()) {
                partners.remove(k);
            }
            Message l = isLeft ? input : partner;
            Message r = isLeft ? partner : input;
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(leftName, l.value());
            v.put(rightName, r.value());
            released.add(l.toBuilder().key(k).value(v).timestamp(Math.max(ts(l, ts), ts(r, ts))).build());
            x.trace(id, "matched " + k);
        } else {
            (isLeft ? waitingLeft : waitingRight).computeIfAbsent(k, kk -> new ArrayDeque<>()).addLast(input);
            x.trace(id, "waiting for a " + (isLeft ? rightName : leftName) + " with key " + k);
        }
        return released;
    }

    private static long ts(Message m, long dflt) {
        return m.timestamp() == null ? dflt : m.timestamp();
    }

    private List<Message> expire(long now) {
        List<Message> out = new ArrayList<>();
        for (Map<Object, Deque<Message>> side : List.of(waitingLeft, waitingRight)) {
            side.values().removeIf(q -> {
                q.removeIf(m -> {
                    if (ts(m, now) + windowMillis < now) {
                        out.add(unmatched(m));
                        return true;
                    }
                    return false;
                });
                return q.isEmpty();
            });
        }
        return out;
    }

    private static Message unmatched(Message m) {
        return m.withHeaders(m.headers().with("catena.correlate", "unmatched"));
    }

    @Override
    public synchronized List<Message> flush(Exec x) {
        List<Message> out = new ArrayList<>();
        for (Map<Object, Deque<Message>> side : List.of(waitingLeft, waitingRight)) {
            side.values().forEach(q -> q.forEach(m -> out.add(unmatched(m))));
            side.clear();
        }
        return out;
    }
}
