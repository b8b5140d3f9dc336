package dev.catena.connect.parity;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * Exact equality of Connect data and a rendering that shows what equality looks at: Java
 * classes of scalars ({@code Integer 3} is not {@code Long 3}), byte arrays by content, structs
 * with their schemas, every schema attribute ({@link Schema#equals} compares type, optional,
 * name, version, doc, parameters, fields, default and key/value schemas).
 */
final class ConnectData {
    private ConnectData() {
    }

    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Struct x && b instanceof Struct y) {
            if (!Objects.equals(x.schema(), y.schema())) {
                return false;
            }
            for (Field f : x.schema().fields()) {
                if (!same(x.getWithoutDefault(f.name()), y.getWithoutDefault(f.name()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !same(e.getValue(), y.get(e.getKey()))) {
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
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    static boolean sameHeaders(Headers a, Headers b) {
        Iterator<Header> x = a.iterator();
        Iterator<Header> y = b.iterator();
        while (x.hasNext() && y.hasNext()) {
            Header h = x.next();
            Header k = y.next();
            if (!h.key().equals(k.key()) || !Objects.equals(h.schema(), k.schema()) || !same(h.value(), k.value())) {
                return false;
            }
        }
        return !x.hasNext() && !y.hasNext();
    }

    /** Values with the Java class of every scalar, maps with sorted keys. */
    static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Struct s) {
            StringBuilder b = new StringBuilder("Struct{");
            String sep = "";
            for (Field f : s.schema().fields()) {
                b.append(sep).append(f.name()).append('=').append(show(s.getWithoutDefault(f.name())));
                sep = ", ";
            }
            return b.append('}').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder(m.getClass().getSimpleName()).append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : new TreeMap<Object, Object>(m).entrySet()) {
                b.append(sep).append(e.getKey()).append('=').append(show(e.getValue()));
                sep = ", ";
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(e -> parts.add(show(e)));
            return parts.toString();
        }
        if (v instanceof byte[] bytes) {
            return "bytes" + Arrays.toString(bytes);
        }
        if (v instanceof ByteBuffer bb) {
            return "ByteBuffer" + bb;
        }
        if (v instanceof java.util.Date d) {
            return "Date(" + d.getTime() + ")";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        return v.getClass().getSimpleName() + " " + v;
    }

    /** Every attribute {@link Schema#equals} compares. */
    static String show(Schema s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.type().name());
        if (s.isOptional()) {
            b.append(" optional");
        }
        if (s.name() != null) {
            b.append(" name=").append(s.name());
        }
        if (s.version() != null) {
            b.append(" version=").append(s.version());
        }
        if (s.doc() != null) {
            b.append(" doc=").append(s.doc());
        }
        if (s.parameters() != null) {
            b.append(" parameters=").append(s.parameters());
        }
        if (s.defaultValue() != null) {
            b.append(" default=").append(show(s.defaultValue()));
        }
        switch (s.type()) {
            case STRUCT -> {
                b.append(" {");
                String sep = "";
                for (Field f : s.fields()) {
                    b.append(sep).append(f.name()).append(": ").append(show(f.schema()));
                    sep = ", ";
                }
                b.append('}');
            }
            case ARRAY -> b.append(" of ").append(show(s.valueSchema()));
            case MAP -> b.append(" of ").append(show(s.keySchema())).append(" -> ").append(show(s.valueSchema()));
            default -> {
            }
        }
        return b.toString();
    }

    static String show(Headers headers) {
        List<String> parts = new ArrayList<>();
        for (Header h : headers) {
            parts.add(h.key() + "=" + show(h.value()) + " (" + show(h.schema()) + ")");
        }
        return parts.toString();
    }
}
