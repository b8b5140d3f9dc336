package dev.catena.bindings.guest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Crossing the guest boundary. {@link #wrap} turns neutral containers into live views (no copy:
 * a guest reading two fields of a large record touches two entries); {@link #unwrap} turns
 * whatever a guest writes or returns back into neutral values at once, so no guest object ever
 * outlives the call or leaks into the host.
 */
public final class GuestValues {
    private GuestValues() {
    }

    /**
     * A view of a neutral value for a guest: maps and lists are wrapped, bytes become a read-only
     * array of 0..255, decimals and integers beyond 64 bits become numbers (a double: a script
     * that reads one sees a number; an untouched field keeps its exact value), other scalars pass
     * as they are.
     */
    public static Object wrap(Object v, boolean readOnly) {
        if (!readOnly && (v instanceof Map || v instanceof List)) {
            Object[] holder = {v};
            return container(GuestPath.root(() -> holder[0], x -> holder[0] = x, new GuestPath.Owner()), v);
        }
        return container(GuestPath.fixed(v), v);
    }

    /** A view of a message's key or value: copied on first write into the message view's fields. */
    static Object root(GuestPath root, Object v) {
        return container(root, v);
    }

    /** The view of an entry of a viewed container. */
    static Object child(GuestPath parent, Object keyOrIndex, Object v) {
        return v instanceof Map || v instanceof List ? container(parent.child(keyOrIndex, v), v) : scalar(v);
    }

    private static Object container(GuestPath path, Object v) {
        if (v instanceof Map) {
            return new MapView(path);
        }
        if (v instanceof List) {
            return new ListView(path);
        }
        return scalar(v);
    }

    private static Object scalar(Object v) {
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (v instanceof byte[] b) {
            return new BytesView(b);
        }
        return v;
    }

    /**
     * A guest value as a neutral value. Views of host containers unwrap to the container itself;
     * guest objects, dicts and arrays are copied; integral numbers become {@code Long}.
     *
     * @throws IllegalArgumentException for values with no neutral form (functions, symbols, ...)
     */
    public static Object unwrap(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isProxyObject()) {
            Object p = v.asProxyObject();
            if (p instanceof MapView mv) {
                return mv.forPlacement();
            }
            if (p instanceof ListView lv) {
                return lv.forPlacement();
            }
            if (p instanceof BytesView bv) {
                return bv.bytes();
            }
            throw new IllegalArgumentException("cannot store a " + p.getClass().getSimpleName() + " in a record");
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return v.asLong();
            }
            if (v.fitsInDouble()) {
                return v.asDouble();
            }
            if (v.fitsInBigInteger()) {
                return v.asBigInteger();
            }
            return v.as(BigInteger.class);
        }
        if (v.isHostObject()) {
            Object h = v.asHostObject();
            if (h instanceof byte[]) {
                return h;
            }
            throw new IllegalArgumentException("cannot store a host " + h.getClass().getSimpleName() + " in a record");
        }
        if (v.isInstant()) {
            return v.asInstant().toEpochMilli();
        }
        if (v.canExecute() && !v.hasArrayElements() && !v.hasHashEntries() && v.getMemberKeys().isEmpty()) {
            throw new IllegalArgumentException("cannot store a function in a record");
        }
        if (v.hasArrayElements()) {
            long n = v.getArraySize();
            List<Object> out = new ArrayList<>((int) Math.min(n, 1 << 16));
            for (long i = 0; i < n; i++) {
                out.add(unwrap(v.getArrayElement(i)));
            }
            return out;
        }
        if (v.hasHashEntries()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Value it = v.getHashEntriesIterator();
            while (it.hasIteratorNextElement()) {
                Value e = it.getIteratorNextElement();
                Value k = e.getArrayElement(0);
                out.put(k.isString() ? k.asString() : k.toString(), unwrap(e.getArrayElement(1)));
            }
            return out;
        }
        if (v.hasMembers()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : v.getMemberKeys()) {
                Value member = v.getMember(k);
                if (member != null && member.canExecute() && !member.hasMembers()) {
                    continue;
                }
                out.put(k, unwrap(member));
            }
            return out;
        }
        throw new IllegalArgumentException("cannot store " + v + " in a record");
    }

    /** Converts a guest key to a record field name. */
    static String keyOf(Value k) {
        return k.isString() ? k.asString() : k.toString();
    }
}
