package dev.catena.connect.parity;

import static dev.catena.connect.parity.Samples.MAP_FIELD;
import static dev.catena.connect.parity.Samples.NO_TIMESTAMP;
import static dev.catena.connect.parity.Samples.PRIMITIVE;
import static dev.catena.connect.parity.Samples.PRIMITIVE_SCHEMALESS;
import static dev.catena.connect.parity.Samples.SCHEMALESS;
import static dev.catena.connect.parity.Samples.SCHEMALESS_SOURCE;
import static dev.catena.connect.parity.Samples.SCHEMALESS_TOMBSTONE;
import static dev.catena.connect.parity.Samples.STRUCT;
import static dev.catena.connect.parity.Samples.STRUCT_SOURCE;
import static dev.catena.connect.parity.Samples.STRUCT_TOMBSTONE;

import java.util.List;
import org.apache.kafka.connect.transforms.ExtractField;
import org.apache.kafka.connect.transforms.Flatten;
import org.apache.kafka.connect.transforms.HoistField;
import org.apache.kafka.connect.transforms.InsertField;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.apache.kafka.connect.transforms.SetSchemaMetadata;
import org.apache.kafka.connect.transforms.ValueToKey;

/** SMTs that add, remove, rename or move fields, or rename schemas. */
final class FieldCases {
    private FieldCases() {
    }

    static List<SmtCase> cases() {
        return List.of(
                SmtCase.of("kafka.insert-field", "topic, offset, timestamp, static", InsertField.Value::new,
                        "topic.field", "topic", "offset.field", "offset!", "timestamp.field", "ts",
                        "static.field", "origin!", "static.value", "web")
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE, NO_TIMESTAMP, PRIMITIVE),
                SmtCase.of("kafka.insert-field", "offset of a source record", InsertField.Value::new,
                        "offset.field", "offset")
                        .on(STRUCT_SOURCE, SCHEMALESS_SOURCE),
                SmtCase.of("kafka.insert-field", "topic and required timestamp into the key", InsertField.Key::new,
                        "topic.field", "topic?", "timestamp.field", "ts!")
                        .on(STRUCT, STRUCT_SOURCE, SCHEMALESS, PRIMITIVE),
                SmtCase.of("kafka.insert-field", "existing field name", InsertField.Value::new,
                        "topic.field", "id")
                        .on(STRUCT, SCHEMALESS),

                SmtCase.of("kafka.extract-field", "struct field", ExtractField.Value::new, "field", "customer")
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.extract-field", "primitive field", ExtractField.Value::new, "field", "qty")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.extract-field", "logical field", ExtractField.Value::new, "field", "at")
                        .on(STRUCT),
                SmtCase.of("kafka.extract-field", "V2 nested path", ExtractField.Value::new,
                        "field", "customer.address.city", "field.syntax.version", "V2")
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE),
                SmtCase.of("kafka.extract-field", "V2 backtick-quoted steps", ExtractField.Value::new,
                        "field", "`customer`.`name`", "field.syntax.version", "v2")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.extract-field", "V1 dotted name is one name", ExtractField.Value::new,
                        "field", "customer.name")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.extract-field", "V2 path through a primitive", ExtractField.Value::new,
                        "field", "id.x", "field.syntax.version", "V2")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.extract-field", "key field", ExtractField.Key::new, "field", "id")
                        .on(STRUCT, SCHEMALESS, PRIMITIVE),

                SmtCase.of("kafka.hoist-field", "value", HoistField.Value::new, "field", "order")
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE, PRIMITIVE, PRIMITIVE_SCHEMALESS),
                SmtCase.of("kafka.hoist-field", "key", HoistField.Key::new, "field", "k")
                        .on(STRUCT, SCHEMALESS, PRIMITIVE),

                SmtCase.of("kafka.value-to-key", "fields as a string", ValueToKey::new, "fields", "id, qty")
                        .on(STRUCT, SCHEMALESS, STRUCT_SOURCE, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.value-to-key", "fields as a list", ValueToKey::new, "fields", "customer,paid")
                        .with("fields", List.of("customer", "paid"))
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.value-to-key", "missing field", ValueToKey::new, "fields", "id,nope")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.value-to-key", "repeated field", ValueToKey::new, "fields", "id,id")
                        .on(STRUCT, SCHEMALESS),

                SmtCase.of("kafka.replace-field", "exclude and renames", ReplaceField.Value::new,
                        "exclude", "raw,customer", "renames", "id:order_id, qty:quantity")
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.replace-field", "include as a list", ReplaceField.Value::new,
                        "include", "id,price,note,nope")
                        .with("include", List.of("id", "price", "note", "nope"))
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.replace-field", "exclude wins over include", ReplaceField.Value::new,
                        "include", "id,qty", "exclude", "qty")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.replace-field", "rename to an excluded field's old name", ReplaceField.Value::new,
                        "exclude", "id", "renames", "id:code")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.replace-field", "key", ReplaceField.Key::new, "renames", "id:key_id")
                        .on(STRUCT, SCHEMALESS, PRIMITIVE),
                SmtCase.of("kafka.replace-field", "invalid rename", ReplaceField.Value::new, "renames", "a:b:c")
                        .on(STRUCT, SCHEMALESS),

                SmtCase.of("kafka.flatten", "default delimiter", Flatten.Value::new)
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE, PRIMITIVE, STRUCT_SOURCE),
                SmtCase.of("kafka.flatten", "underscore", Flatten.Value::new, "delimiter", "_")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.flatten", "map field", Flatten.Value::new)
                        .on(MAP_FIELD),
                SmtCase.of("kafka.flatten", "key", Flatten.Key::new, "delimiter", "/")
                        .on(STRUCT, SCHEMALESS, PRIMITIVE),

                SmtCase.of("kafka.set-schema-metadata", "name and version", SetSchemaMetadata.Value::new,
                        "schema.name", "dev.catena.parity.Order2", "schema.version", "3")
                        .on(STRUCT, STRUCT_TOMBSTONE, SCHEMALESS, SCHEMALESS_TOMBSTONE, PRIMITIVE),
                SmtCase.of("kafka.set-schema-metadata", "version as a number", SetSchemaMetadata.Value::new,
                        "schema.version", "7")
                        .with("schema.version", 7)
                        .on(STRUCT, STRUCT_SOURCE),
                SmtCase.of("kafka.set-schema-metadata", "key name", SetSchemaMetadata.Key::new,
                        "schema.name", "dev.catena.parity.Key")
                        .on(STRUCT, PRIMITIVE, SCHEMALESS));
    }
}
