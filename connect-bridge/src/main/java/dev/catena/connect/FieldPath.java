package dev.catena.connect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Where a value sits in a record, for error messages: {@code field 'customer.tier'},
 * {@code key field 'id'}, {@code the value}, {@code header 'trace'}. Rendered only when an
 * error is raised.
 */
final class FieldPath {
    static final FieldPath VALUE = new FieldPath(null, "value", -1);
    static final FieldPath KEY = new FieldPath(null, "key", -1);

    private final FieldPath parent;
    private final String name;
    private final int index;

    private FieldPath(FieldPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    static FieldPath header(String headerName) {
        return new FieldPath(null, "header '" + headerName + "'", -1);
    }

    FieldPath field(String fieldName) {
        return new FieldPath(this, fieldName, -1);
    }

    FieldPath element(int i) {
        return new FieldPath(this, null, i);
    }

    FieldPath entry(String mapKey) {
        return new FieldPath(this, "[\"" + mapKey + "\"]", -2);
    }

    /** A DataException "expected {expected} for {this}, found {what value is}". */
    DataException mismatch(String expected, Object found) {
        return new DataException("expected " + expected + " for " + this + ", found " + typeOf(found));
    }

    /** A DataException "expected {expected} for {this}, found {value} ({why})". */
    DataException mismatch(String expected, Object found, String why) {
        return new DataException("expected " + expected + " for " + this + ", found " + typeOf(found) + " " + found
                + " (" + why + ")");
    }

    /** What a schema expects, with an article: "a Struct", "an INT8", "a Decimal with scale 2". */
    static String expected(Schema schema) {
        String what = what(schema);
        return ("AEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    private static String what(Schema schema) {
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    return "Decimal with scale " + schema.parameters().get(Decimal.SCALE_FIELD);
                case Date.LOGICAL_NAME:
                    return "Date (epoch milliseconds at midnight UTC)";
                case Time.LOGICAL_NAME:
                    return "Time (milliseconds since midnight)";
                case Timestamp.LOGICAL_NAME:
                    return "Timestamp (epoch milliseconds)";
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case STRUCT -> "Struct";
            case ARRAY -> "Array";
            case MAP -> "Map";
            default -> schema.type().name();
        };
    }

    /** The neutral type of a value as users read it: String, Long, Double, Boolean, bytes, List, Map. */
    static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        if (v instanceof Map) {
            return "Map";
        }
        if (v instanceof List) {
            return "List";
        }
        return v.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        Deque<FieldPath> chain = new ArrayDeque<>();
        FieldPath root = this;
        while (root.parent != null) {
            chain.push(root);
            root = root.parent;
        }
        if (chain.isEmpty()) {
            return root == VALUE ? "the value" : root == KEY ? "the key" : root.name;
        }
        StringBuilder b = new StringBuilder();
        for (FieldPath p : chain) {
            if (p.index >= 0) {
                b.append('[').append(p.index).append(']');
            } else if (p.index == -2) {
                b.append(p.name);
            } else {
                b.append(b.isEmpty() ? "" : ".").append(p.name);
            }
        }
        String prefix = root == VALUE ? "" : root == KEY ? "key " : root.name + " ";
        return prefix + "field '" + b + "'";
    }
}
