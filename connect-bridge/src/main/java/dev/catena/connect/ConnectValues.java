package dev.catena.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
 * Writes neutral values as Kafka Connect data of a given schema, converting where no
 * information is lost: {@code Long} to INT8/16/32 when in range, any number to FLOAT32/64,
 * epoch milliseconds to Date/Time/Timestamp, a number to a Decimal rounded half-even to the
 * schema's scale (as a SQL DECIMAL column would). Anything else is a {@link DataException}
 * naming the field, what the schema expects and what was found.
 */
final class ConnectValues {
    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    private ConnectValues() {
    }

    /** The Connect form of {@code value} for {@code schema}. */
    static Object write(Object value, Schema schema, FieldPath path) {
        if (value == null) {
            if (schema.isOptional()) {
                return null;
            }
            throw path.mismatch("a non-null " + FieldPath.expected(schema).replaceFirst("^an? ", ""), null);
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    return decimal(value, schema, path);
                case Date.LOGICAL_NAME:
                    return date(value, schema, path);
                case Time.LOGICAL_NAME:
                    return time(value, schema, path);
                case Timestamp.LOGICAL_NAME:
                    return new java.util.Date(epochMillis(value, schema, path));
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case INT8 -> Byte.valueOf((byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, schema, path));
            case INT16 -> Short.valueOf((short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, schema, path));
            case INT32 -> Integer.valueOf((int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, schema, path));
            case INT64 -> Long.valueOf(integral(value, Long.MIN_VALUE, Long.MAX_VALUE, schema, path));
            case FLOAT32 -> Float.valueOf((float) floating(value, schema, path));
            case FLOAT64 -> Double.valueOf(floating(value, schema, path));
            case BOOLEAN -> value instanceof Boolean ? value : fail(value, schema, path);
            case STRING -> value instanceof String ? value : fail(value, schema, path);
            case BYTES -> value instanceof byte[] ? value : fail(value, schema, path);
            case ARRAY -> array(value, schema, path);
            case MAP -> map(value, schema, path);
            case STRUCT -> struct(value, schema, path);
        };
    }

    private static Object fail(Object value, Schema schema, FieldPath path) {
        throw path.mismatch(FieldPath.expected(schema), value);
    }

    private static long integral(Object value, long min, long max, Schema schema, FieldPath path) {
        if (!(value instanceof Long l)) {
            throw path.mismatch(FieldPath.expected(schema), value);
        }
        if (l < min || l > max) {
            throw path.mismatch(FieldPath.expected(schema), value, "out of range");
        }
        return l;
    }

    private static double floating(Object value, Schema schema, FieldPath path) {
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            return n.doubleValue();
        }
        throw path.mismatch(FieldPath.expected(schema), value);
    }

    private static long epochMillis(Object value, Schema schema, FieldPath path) {
        if (value instanceof Long l) {
            return l;
        }
        throw path.mismatch(FieldPath.expected(schema), value);
    }

    private static java.util.Date date(Object value, Schema schema, FieldPath path) {
        long millis = epochMillis(value, schema, path);
        if (Math.floorMod(millis, MILLIS_PER_DAY) != 0) {
            throw path.mismatch(FieldPath.expected(schema), value, "not midnight UTC");
        }
        return new java.util.Date(millis);
    }

    private static java.util.Date time(Object value, Schema schema, FieldPath path) {
        long millis = epochMillis(value, schema, path);
        if (millis < 0 || millis >= MILLIS_PER_DAY) {
            throw path.mismatch(FieldPath.expected(schema), value, "not within one day");
        }
        return new java.util.Date(millis);
    }

    private static BigDecimal decimal(Object value, Schema schema, FieldPath path) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Long l) {
            d = BigDecimal.valueOf(l);
        } else if (value instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Double x && Double.isFinite(x)) {
            d = BigDecimal.valueOf(x);
        } else {
            throw path.mismatch(FieldPath.expected(schema), value);
        }
        int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
        return d.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static List<Object> array(Object value, Schema schema, FieldPath path) {
        if (!(value instanceof List<?> list)) {
            throw path.mismatch(FieldPath.expected(schema), value);
        }
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(write(list.get(i), schema.valueSchema(), path.element(i)));
        }
        return out;
    }

    private static Map<Object, Object> map(Object value, Schema schema, FieldPath path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw path.mismatch(FieldPath.expected(schema), value);
        }
        Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            FieldPath at = path.entry(key);
            out.put(write(parseKey(key, schema.keySchema(), at), schema.keySchema(), at),
                    write(e.getValue(), schema.valueSchema(), at));
        }
        return out;
    }

    /** Neutral map keys are strings; a map whose key schema is numeric or boolean had them written as text. */
    private static Object parseKey(String key, Schema keySchema, FieldPath at) {
        try {
            return switch (keySchema.type()) {
                case INT8, INT16, INT32, INT64 -> Long.valueOf(key);
                case FLOAT32, FLOAT64 -> Double.valueOf(key);
                case BOOLEAN -> switch (key) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException(key);
                };
                default -> key;
            };
        } catch (NumberFormatException e) {
            throw new DataException("expected a map key of type " + keySchema.type() + " at " + at + ", found \"" + key + "\"");
        }
    }

    private static Struct struct(Object value, Schema schema, FieldPath path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw path.mismatch(FieldPath.expected(schema), value);
        }
        Struct out = new Struct(schema);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            Field f = schema.field(name);
            if (f == null) {
                throw new DataException(path + " has a field '" + name + "' that its schema "
                        + (schema.name() == null ? "" : schema.name() + " ") + "does not declare");
            }
            out.put(f, write(e.getValue(), f.schema(), path.field(name)));
        }
        for (Field f : schema.fields()) {
            if (!map.containsKey(f.name()) && !f.schema().isOptional() && f.schema().defaultValue() == null) {
                throw new DataException("missing required " + path.field(f.name()) + " (" + FieldPath.expected(f.schema()) + ")");
            }
        }
        return out;
    }
}
