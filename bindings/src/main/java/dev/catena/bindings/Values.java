package dev.catena.bindings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The neutral value model every codec and guest view agrees on:
 * {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link BigInteger}, {@link BigDecimal},
 * {@link String}, {@code byte[]}, {@code List<Object>} and {@code Map<String, Object>} (insertion
 * ordered), nested freely. Integral numbers are {@code Long}; other Java numbers are normalised
 * by {@link #normalize}.
 */
public final class Values {
    private Values() {
    }

    /** True when {@code v} is already a neutral value at its top level (containers are not walked). */
    public static boolean isNeutralScalar(Object v) {
        return v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof BigDecimal || v instanceof BigInteger || v instanceof byte[];
    }

    /**
     * Converts plain Java values (Integer, Float, arrays of objects, any Map or List) into the
     * neutral model, copying containers.
     *
     * @throws IllegalArgumentException for a type with no neutral form
     */
    public static Object normalize(Object v) {
        if (v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Double
                || v instanceof BigDecimal || v instanceof byte[] || v == null) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof Object[] a) {
            return normalize(Arrays.asList(a));
        }
        throw new IllegalArgumentException("no neutral form for a value of type " + v.getClass().getName());
    }

    /** A deep copy: containers are copied, scalars shared (they are immutable; byte arrays are copied). */
    public static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(deepCopy(o));
            }
            return out;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }

    /** Structural equality; numbers compare by type and value, byte arrays by content. */
    public static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * A cheap upper-bound estimate of a value's serialized size in bytes, used to bound what
     * crosses the sandbox boundary. Stops counting once {@code limit} is passed.
     */
    public static long estimateSize(Object v, long limit) {
        return estimate(v, 0, limit);
    }

    private static long estimate(Object v, long acc, long limit) {
        if (acc > limit) {
            return acc;
        }
        if (v == null) {
            return acc + 4;
        }
        if (v instanceof String s) {
            return acc + s.length() * 3L + 2;
        }
        if (v instanceof byte[] b) {
            return acc + b.length * 4L / 3 + 4;
        }
        if (v instanceof Map<?, ?> m) {
            long total = acc + 2;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                total = estimate(e.getValue(), total + ((String) e.getKey()).length() * 3L + 4, limit);
                if (total > limit) {
                    return total;
                }
            }
            return total;
        }
        if (v instanceof List<?> l) {
            long total = acc + 2;
            for (Object o : l) {
                total = estimate(o, total + 1, limit);
                if (total > limit) {
                    return total;
                }
            }
            return total;
        }
        return acc + 24;
    }

    /** A short type name for error messages: "map", "list", "string", ... */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "map";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "integer";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        return v.getClass().getSimpleName();
    }

    /**
     * Reads a dotted path ({@code "a.b.c"}) through nested maps; null when any part is missing
     * or not a map.
     */
    public static Object getPath(Object root, String path) {
        Object cur = root;
        int start = 0;
        while (cur != null) {
            int dot = path.indexOf('.', start);
            String part = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
            if (dot < 0) {
                return cur;
            }
            start = dot + 1;
        }
        return null;
    }

    /** True when a dotted path names an existing entry (its value may be null). */
    public static boolean hasPath(Object root, String path) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? root : getPath(root, path.substring(0, dot));
        return parent instanceof Map<?, ?> m && m.containsKey(dot < 0 ? path : path.substring(dot + 1));
    }

    /** UTF-8 bytes of a string, for codecs. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
