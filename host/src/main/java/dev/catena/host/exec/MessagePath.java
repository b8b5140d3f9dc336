package dev.catena.host.exec;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;

/**
 * Paths into a record, rooted at the message: {@code value}, {@code value.a.b}, {@code key},
 * {@code key.id}, {@code topic}, {@code timestamp}, {@code partition}, {@code offset},
 * {@code headers.name}.
 */
public final class MessagePath {
    private MessagePath() {
    }

    /** Whether {@code path} starts with a known root. */
    public static boolean isValid(String path) {
        String root = root(path);
        return switch (root) {
            case "value", "key", "topic", "timestamp", "partition", "offset" -> true;
            case "headers" -> path.length() > "headers.".length();
            default -> false;
        };
    }

    public static String problem(String path) {
        return "'" + path + "' is not a record path: start with value, key, topic, timestamp, partition, offset or headers.<name>";
    }

    private static String root(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** The value at a path, or null when absent. */
    public static Object get(Message m, String path) {
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        return switch (root) {
            case "value" -> rest == null ? m.value() : Values.getPath(m.value(), rest);
            case "key" -> rest == null ? m.key() : Values.getPath(m.key(), rest);
            case "topic" -> m.topic();
            case "timestamp" -> m.timestamp();
            case "partition" -> m.partition() == null ? null : (Object) m.partition().longValue();
            case "offset" -> m.offset();
            case "headers" -> m.headers().get(rest);
            default -> null;
        };
    }

    /** Whether the path names something present (a header that exists, a field that is set). */
    public static boolean exists(Message m, String path) {
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        return switch (root) {
            case "value" -> rest == null ? m.value() != null : Values.hasPath(m.value(), rest);
            case "key" -> rest == null ? m.key() != null : Values.hasPath(m.key(), rest);
            case "headers" -> m.headers().has(rest);
            default -> get(m, path) != null;
        };
    }

    /** A copy of the message with the value at {@code value.…} or {@code key.…} set (maps created on the way). */
    @SuppressWarnings("unchecked")
    public static Message set(Message m, String path, Object newValue) {
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        switch (root) {
            case "value", "key" -> {
                Object base = root.equals("value") ? m.value() : m.key();
                Object updated;
                if (rest == null) {
                    updated = newValue;
                } else {
                    updated = base instanceof java.util.Map ? Values.deepCopy(base) : new java.util.LinkedHashMap<String, Object>();
                    java.util.Map<String, Object> cur = (java.util.Map<String, Object>) updated;
                    String[] parts = rest.split("\\.");
                    for (int i = 0; i < parts.length - 1; i++) {
                        Object next = cur.get(parts[i]);
                        if (!(next instanceof java.util.Map)) {
                            next = new java.util.LinkedHashMap<String, Object>();
                            cur.put(parts[i], next);
                        }
                        cur = (java.util.Map<String, Object>) next;
                    }
                    cur.put(parts[parts.length - 1], newValue);
                }
                return root.equals("value") ? m.withValue(updated) : m.withKey(updated);
            }
            case "topic" -> {
                return m.withTopic(newValue == null ? null : String.valueOf(newValue));
            }
            case "headers" -> {
                return m.withHeaders(m.headers().with(rest, newValue));
            }
            default -> throw new IllegalArgumentException("cannot set '" + path + "': only value, key, topic and headers.<name> are writable");
        }
    }
}
