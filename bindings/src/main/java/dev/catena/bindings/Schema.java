package dev.catena.bindings;

import java.util.List;
import java.util.Map;

/**
 * A neutral description of a key or value schema, shaped like Kafka Connect's so that
 * codecs can convert both ways without loss. Logical types (Decimal, Date, Time, Timestamp)
 * are named by {@link #name()} as Connect does.
 *
 * @param type        the physical type
 * @param optional    whether null is allowed
 * @param name        schema name (for structs and logical types), or null
 * @param version     schema version, or null
 * @param doc         documentation, or null
 * @param parameters  schema parameters (e.g. decimal scale), never null
 * @param fields      struct fields in order (empty unless STRUCT)
 * @param keySchema   map key schema (MAP only)
 * @param valueSchema map value or array element schema (MAP and ARRAY only)
 */
public record Schema(
        Type type,
        boolean optional,
        String name,
        Integer version,
        String doc,
        Map<String, String> parameters,
        List<Field> fields,
        Schema keySchema,
        Schema valueSchema) {

    /** Physical schema types. */
    public enum Type { INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES, ARRAY, MAP, STRUCT }

    /** A struct field. */
    public record Field(String name, Schema schema) {
    }

    public Schema {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static Schema primitive(Type type, boolean optional) {
        return new Schema(type, optional, null, null, null, null, null, null, null);
    }

    public Field field(String fieldName) {
        for (Field f : fields) {
            if (f.name.equals(fieldName)) {
                return f;
            }
        }
        return null;
    }
}
