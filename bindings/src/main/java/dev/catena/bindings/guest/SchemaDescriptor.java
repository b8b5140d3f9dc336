package dev.catena.bindings.guest;

import dev.catena.bindings.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A schema as a read-only neutral map for guests: {@code {type, optional, name, version, fields: [{name, schema}]}}. */
final class SchemaDescriptor {
    private SchemaDescriptor() {
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
        if (s.keySchema() != null) {
            m.put("keySchema", describe(s.keySchema()));
        }
        if (s.valueSchema() != null) {
            m.put("valueSchema", describe(s.valueSchema()));
        }
        return m;
    }
}
