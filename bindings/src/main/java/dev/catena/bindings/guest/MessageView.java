package dev.catena.bindings.guest;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.bindings.Schema;
import dev.catena.bindings.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The {@code msg} a script receives. Members: {@code key}, {@code value}, {@code topic},
 * {@code timestamp}, {@code keySchema}, {@code valueSchema} (read/write; a schema is a descriptor
 * map, see {@code catena.d.ts}), {@code partition}, {@code offset} (read-only), {@code headers}
 * (see {@link HeadersView}).
 *
 * <p>The view works on a deep copy of the input's key and value, so the input {@link Message}
 * is untouched whatever the script does; {@link #toMessage()} builds the result.
 */
public final class MessageView implements ProxyObject {
    private static final List<String> MEMBERS = List.of(
            "key", "value", "topic", "partition", "offset", "timestamp", "headers", "keySchema", "valueSchema");

    private final Message source;
    private Object key;
    private Object value;
    private String topic;
    private Long timestamp;
    private Schema keySchema;
    private Schema valueSchema;
    /** Made on first use: most steps never touch headers. */
    private HeadersView headers;

    private final boolean readOnly;
    private final GuestPath.Owner owner;

    public MessageView(Message source) {
        this(source, false);
    }

    private MessageView(Message source, boolean readOnly) {
        this.source = source;
        this.readOnly = readOnly;
        // no copy: views copy what a script writes, on first write (GuestPath)
        this.key = source.key();
        this.value = source.value();
        this.owner = readOnly ? null : new GuestPath.Owner();
        this.topic = source.topic();
        this.timestamp = source.timestamp();
        this.keySchema = source.keySchema();
        this.valueSchema = source.valueSchema();
    }

    /**
     * A view that reads the message in place, without copying it, for conditions and
     * expressions: any write throws.
     */
    public static MessageView readOnly(Message source) {
        return new MessageView(source, true);
    }

    /*
     * The guest's view of the key and of the value, made on first read and handed out again until
     * the script assigns msg.key / msg.value (a view follows the copies made on write; a new
     * root is needed only when the entry itself is replaced, and then the old view detaches).
     */
    private Object keyView;
    private Object valueView;

    private Object keyView() {
        if (keyView == null) {
            keyView = GuestValues.root(readOnly ? GuestPath.fixed(key) : GuestPath.root(() -> key, v -> key = v, owner), key);
        }
        return keyView;
    }

    private Object valueView() {
        if (valueView == null) {
            valueView = GuestValues.root(readOnly ? GuestPath.fixed(value) : GuestPath.root(() -> value, v -> value = v, owner), value);
        }
        return valueView;
    }

    private HeadersView headers() {
        if (headers == null) {
            headers = new HeadersView(source.headers());
        }
        return headers;
    }

    /** The message as the script left it. */
    public Message toMessage() {
        Headers h = headers == null ? source.headers() : headers.headers();
        return new Message(topic, source.partition(), source.offset(), timestamp, key, value, h,
                keySchema, valueSchema, source.origin());
    }

    /**
     * Interprets what a script returned: the view itself, a map-like object with a {@code value}
     * member (other fields default to the input's), null (drop) or an array of those (split).
     *
     * @return the resulting messages; empty for a drop
     * @throws IllegalArgumentException naming what was returned when it is none of those
     */
    public List<Message> results(Value returned) {
        if (returned == null || returned.isNull()) {
            return List.of();
        }
        if (returned.hasArrayElements() && !returned.isProxyObject()) {
            long n = returned.getArraySize();
            List<Message> out = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                Value e = returned.getArrayElement(i);
                if (e.isNull()) {
                    continue;
                }
                out.add(one(e, i));
            }
            return out;
        }
        return List.of(one(returned, -1));
    }

    private Message one(Value v, long index) {
        if (v.isProxyObject() && v.asProxyObject() instanceof MessageView mv) {
            return mv.toMessage();
        }
        String where = index < 0 ? "" : " at index " + index;
        Object plain;
        try {
            plain = GuestValues.unwrap(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transform returned" + where + " " + e.getMessage(), e);
        }
        if (!(plain instanceof Map<?, ?> m) || !m.containsKey("value")) {
            throw new IllegalArgumentException("transform must return the message, null/None to drop it, or a list of messages;"
                    + " it returned" + where + " " + article(Values.typeName(plain))
                    + (plain instanceof Map ? " without a 'value' member" : ""));
        }
        Message base = toMessage();
        Message.Builder b = base.toBuilder().value(m.get("value"));
        if (m.containsKey("key")) {
            b.key(m.get("key"));
        }
        if (m.get("topic") instanceof String t) {
            b.topic(t);
        }
        if (m.get("timestamp") instanceof Long ts) {
            b.timestamp(ts);
        }
        if (m.get("headers") instanceof Map<?, ?> hm) {
            List<Headers.Header> hs = new ArrayList<>();
            for (Map.Entry<?, ?> e : hm.entrySet()) {
                hs.add(new Headers.Header(String.valueOf(e.getKey()), e.getValue()));
            }
            b.headers(Headers.of(hs));
        }
        return b.build();
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    @Override
    public Object getMember(String name) {
        return switch (name) {
            // made once per view (see keyView); a view of an old value detaches from a newly assigned one
            case "key" -> keyView();
            case "value" -> valueView();
            case "topic" -> topic;
            case "partition" -> source.partition();
            case "offset" -> source.offset();
            case "timestamp" -> timestamp;
            case "headers" -> headers();
            case "keySchema" -> GuestValues.wrap(SchemaDescriptor.describe(keySchema), true);
            case "valueSchema" -> GuestValues.wrap(SchemaDescriptor.describe(valueSchema), true);
            default -> null;
        };
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromList(new ArrayList<>(MEMBERS));
    }

    @Override
    public boolean hasMember(String name) {
        return MEMBERS.contains(name);
    }

    @Override
    public void putMember(String name, Value v) {
        if (readOnly) {
            throw new UnsupportedOperationException("msg is read-only in a condition or expression");
        }
        switch (name) {
            case "key" -> {
                key = GuestValues.unwrap(v);
                keyView = null;
            }
            case "value" -> {
                value = GuestValues.unwrap(v);
                valueView = null;
            }
            case "topic" -> {
                if (!v.isNull() && !v.isString()) {
                    throw new IllegalArgumentException("msg.topic must be a string, got " + v);
                }
                topic = v.isNull() ? null : v.asString();
            }
            case "timestamp" -> {
                if (!v.isNull() && !(v.isNumber() && v.fitsInLong())) {
                    throw new IllegalArgumentException("msg.timestamp must be epoch milliseconds (an integer), got " + v);
                }
                timestamp = v.isNull() ? null : v.asLong();
            }
            case "keySchema" -> keySchema = SchemaDescriptor.parse(GuestValues.unwrap(v));
            case "valueSchema" -> valueSchema = SchemaDescriptor.parse(GuestValues.unwrap(v));
            default -> throw new UnsupportedOperationException("msg." + name
                    + " cannot be assigned; writable: key, value, topic, timestamp, keySchema, valueSchema");
        }
    }
}
