package dev.catena.bindings.guest;

import dev.catena.bindings.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema as a neutral map for guests, both ways: {@code {type, optional, name, version,
 * parameters, fields: [{name, schema}], keySchema, valueSchema}}.
 */
final class SchemaDescriptor {
    private SchemaDescriptor() {
    }

    /**
     * Reads a descriptor a script assigned to {@code msg.valueSchema} / {@code msg.keySchema}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Schema parse(Object descriptor) {
        if (descriptor == null) {
            return null;
        }
        if (!(descriptor instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a schema is a map {type, optional, name, version, parameters, fields, keySchema, valueSchema}");
        }
        Object type = m.get("type");
        Schema.Type t;
        try {
            t = Schema.Type.valueOf(String.valueOf(type).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown schema type '" + type + "'; expected int8, int16, int32, int64, float32,"
                    + " float64, boolean, string, bytes, array, map or struct");
        }
        List<Schema.Field> fields = new ArrayList<>();
        if (m.get("fields") instanceof List<?> fs) {
            for (Object f : fs) {
                if (!(f instanceof Map<?, ?> fm) || !(fm.get("name") instanceof String name)) {
                    throw new IllegalArgumentException("a schema field is {name, schema}");
                }
                fields.add(new Schema.Field(name, parse(fm.get("schema"))));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.get("parameters") instanceof Map<?, ?> pm) {
            pm.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
        }
        Integer version = m.get("version") instanceof Number n ? n.intValue() : null;
        return new Schema(t, Boolean.TRUE.equals(m.get("optional")), m.get("name") instanceof String n ? n : null, version,
                m.get("doc") instanceof String d ? d : null, params, fields, parse(m.get("keySchema")), parse(m.get("valueSchema")));
    }

    static Map<String, Object> describe(Schema s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type().name().toLowerCase(java.util.Locale.ROOT));
        m.put("optional", s.optional());
        if (s.name() != null) {
            m.put("name", s.name());
        }
        if (s.version() != null) {
            m.put("version", s.version().longValue());
        }
        if (!s.parameters().isEmpty()) {
            m.put("parameters", new LinkedHashMap<String, Object>(s.parameters()));
        }
        if (!s.fields().isEmpty()) {
            List<Object> fields = new ArrayList<>();
            for (Schema.Field f : s.fields()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("schema", describe(f.schema()));
                fields.add(fm);
            }
            m.put("fields", fields);
        }
        if (s.doc() != null) {
            m.put("doc", s.doc());
        }
        if (s.keySchema() != null) {
            m.put("keySchema", describe(s.keySchema()));
        }
        if (s.valueSchema() != null) {
            m.put("valueSchema", describe(s.valueSchema()));
        }
        return m;
    }
}
