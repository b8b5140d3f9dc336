package dev.catena.connect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Kafka Connect schemas as Catena's neutral {@link dev.catena.bindings.Schema} (what scripts
 * read as {@code msg.valueSchema}) and back. Both directions keep type, optional, name,
 * version, doc, parameters, fields and key/value schemas; Connect default values have no
 * neutral form and are dropped. Conversions are cached: records of a topic share few schemas.
 */
final class SchemaMapping {
    private static final int CACHE_SIZE = 256;

    private final Cache<Schema, dev.catena.bindings.Schema> toNeutral = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    private final Cache<dev.catena.bindings.Schema, Schema> toConnect = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    /** The neutral form of a Connect schema; null for null. */
    dev.catena.bindings.Schema neutral(Schema schema) {
        return schema == null ? null : toNeutral.get(schema, SchemaMapping::neutralOf);
    }

    /** The Connect form of a neutral schema; null for null. */
    Schema connect(dev.catena.bindings.Schema schema) {
        return schema == null ? null : toConnect.get(schema, SchemaMapping::connectOf);
    }

    private static dev.catena.bindings.Schema neutralOf(Schema s) {
        List<dev.catena.bindings.Schema.Field> fields = null;
        dev.catena.bindings.Schema key = null;
        dev.catena.bindings.Schema value = null;
        switch (s.type()) {
            case STRUCT -> {
                fields = new ArrayList<>(s.fields().size());
                for (Field f : s.fields()) {
                    fields.add(new dev.catena.bindings.Schema.Field(f.name(), neutralOf(f.schema())));
                }
            }
            case MAP -> {
                key = neutralOf(s.keySchema());
                value = neutralOf(s.valueSchema());
            }
            case ARRAY -> value = neutralOf(s.valueSchema());
            default -> {
            }
        }
        return new dev.catena.bindings.Schema(dev.catena.bindings.Schema.Type.valueOf(s.type().name()), s.isOptional(),
                s.name(), s.version(), s.doc(), s.parameters(), fields, key, value);
    }

    private static Schema connectOf(dev.catena.bindings.Schema s) {
        Schema.Type type = Schema.Type.valueOf(s.type().name());
        SchemaBuilder b = switch (type) {
            case STRUCT -> {
                SchemaBuilder sb = SchemaBuilder.struct();
                s.fields().forEach(f -> sb.field(f.name(), connectOf(f.schema())));
                yield sb;
            }
            case ARRAY -> SchemaBuilder.array(connectOf(s.valueSchema()));
            case MAP -> SchemaBuilder.map(connectOf(s.keySchema()), connectOf(s.valueSchema()));
            default -> SchemaBuilder.type(type);
        };
        b.name(s.name()).version(s.version()).doc(s.doc());
        if (!s.parameters().isEmpty()) {
            b.parameters(s.parameters());
        }
        return (s.optional() ? b.optional() : b).build();
    }
}
