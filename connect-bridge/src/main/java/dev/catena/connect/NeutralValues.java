package dev.catena.connect;

import dev.catena.bindings.Values;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads Kafka Connect data into Catena's neutral value model (see {@link Values}): Structs
 * become maps in field order, integers {@code Long}, floats {@code Double}, Decimal
 * {@code BigDecimal}, Date/Time/Timestamp epoch milliseconds as {@code Long}, bytes
 * {@code byte[]}. Values without a schema are read by their Java type.
 */
final class NeutralValues {
    private NeutralValues() {
    }

    /**
     * @param schema the value's schema, or null for a schemaless value
     * @throws DataException when the value does not match its schema, or has no neutral form
     */
    static Object read(Object value, Schema schema, FieldPath path) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            return schemaless(value, path);
        }
        return withSchema(value, schema, path);
    }

    private static Object withSchema(Object value, Schema schema, FieldPath path) {
        if (value == null) {
            return null;
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    if (value instanceof BigDecimal d) {
                        return d;
                    }
                    throw path.mismatch(FieldPath.expected(schema), value);
                case Date.LOGICAL_NAME, Time.LOGICAL_NAME, Timestamp.LOGICAL_NAME:
                    if (value instanceof java.util.Date d) {
                        return d.getTime();
                    }
                    throw path.mismatch(FieldPath.expected(schema), value);
                default:
                    break;
            }
        }
        try {
            return switch (schema.type()) {
                case INT8, INT16, INT32, INT64 -> ((Number) value).longValue();
                case FLOAT32, FLOAT64 -> ((Number) value).doubleValue();
                case BOOLEAN -> (Boolean) value;
                case STRING -> (String) value;
                case BYTES -> bytes(value);
                case ARRAY -> array((List<?>) value, schema.valueSchema(), path);
                case MAP -> map((Map<?, ?>) value, schema, path);
                case STRUCT -> struct((Struct) value, path);
            };
        } catch (ClassCastException e) {
            // the innermost mismatch is reported; outer levels see a DataException
            throw path.mismatch(FieldPath.expected(schema), value);
        }
    }

    private static List<Object> array(List<?> list, Schema elementSchema, FieldPath path) {
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(withSchema(list.get(i), elementSchema, path.element(i)));
        }
        return out;
    }

    private static Map<String, Object> map(Map<?, ?> map, Schema schema, FieldPath path) {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = mapKey(e.getKey(), schema.keySchema(), path);
            out.put(key, withSchema(e.getValue(), schema.valueSchema(), path.entry(key)));
        }
        return out;
    }

    /** Neutral maps have string keys; numbers and booleans are written as text and parsed back on output. */
    private static String mapKey(Object key, Schema keySchema, FieldPath path) {
        Object k = keySchema == null ? schemaless(key, path) : withSchema(key, keySchema, path);
        if (k instanceof String || k instanceof Long || k instanceof Double || k instanceof Boolean) {
            return k.toString();
        }
        throw path.mismatch("map keys that are strings, numbers or booleans", k);
    }

    private static Map<String, Object> struct(Struct struct, FieldPath path) {
        List<Field> fields = struct.schema().fields();
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
        for (Field f : fields) {
            out.put(f.name(), withSchema(struct.get(f), f.schema(), path.field(f.name())));
        }
        return out;
    }

    private static Object schemaless(Object value, FieldPath path) {
        if (value instanceof Struct s) {
            return struct(s, path);
        }
        if (value instanceof Map<?, ?> m) {
            if (isNeutral(m)) {
                // already the neutral model (as JsonConverter makes it): shared, not copied;
                // nothing in Catena writes to a message's containers (guest views copy on write)
                @SuppressWarnings("unchecked")
                Map<String, Object> same = (Map<String, Object>) m;
                return same;
            }
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = mapKey(e.getKey(), null, path);
                out.put(key, schemaless(e.getValue(), path.entry(key)));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(schemaless(l.get(i), path.element(i)));
            }
            return out;
        }
        if (value instanceof java.util.Date d) {
            return d.getTime();
        }
        if (value instanceof ByteBuffer || value instanceof byte[]) {
            return bytes(value);
        }
        try {
            return Values.normalize(value);
        } catch (IllegalArgumentException e) {
            throw new DataException(path + " has a " + value.getClass().getName() + ", which has no Catena form", e);
        }
    }

    /** True when a schemaless value is neutral all the way down: string keys, neutral scalars, lists and maps. */
    private static boolean isNeutral(Object value) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !isNeutral(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (!isNeutral(o)) {
                    return false;
                }
            }
            return true;
        }
        return value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof BigDecimal || value instanceof byte[];
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
