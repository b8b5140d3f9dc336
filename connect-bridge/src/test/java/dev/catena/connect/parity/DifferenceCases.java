package dev.catena.connect.parity;

import static dev.catena.connect.parity.Samples.DEFAULTED;
import static dev.catena.connect.parity.Samples.INTEGRAL_DOUBLE;
import static dev.catena.connect.parity.Samples.SCHEMALESS;
import static dev.catena.connect.parity.Samples.SCHEMALESS_BYTES;
import static dev.catena.connect.parity.Samples.SCHEMALESS_JAVA_TYPES;
import static dev.catena.connect.parity.Samples.STRUCT;
import static dev.catena.connect.parity.Samples.TIMESTAMP_VALUE;

import java.util.List;
import org.apache.kafka.connect.transforms.Cast;
import org.apache.kafka.connect.transforms.HeaderFrom;
import org.apache.kafka.connect.transforms.InsertField;
import org.apache.kafka.connect.transforms.InsertHeader;
import org.apache.kafka.connect.transforms.MaskField;
import org.apache.kafka.connect.transforms.TimestampConverter;

/** Cases whose outputs are known to differ; {@code SmtParityTest.DocumentedDifferences} states each difference. */
final class DifferenceCases {
    static final String PARTITION_WITHOUT_SCHEMA = "partition without a schema";
    static final String NARROW_WITHOUT_SCHEMA = "narrow types without a schema";
    static final String INTEGRAL_DOUBLE_TO_STRING = "integral Double to string";
    static final String DECIMAL = "Decimal field";
    static final String DECIMAL_REPLACEMENT = "Decimal field with a replacement";
    static final String FLOAT_WITHOUT_SCHEMA = "float without a schema";
    static final String LOGICAL_WITHOUT_SCHEMA = "to Timestamp without a schema";
    static final String NUMBER_LITERAL = "number literal";
    static final String EXISTING_HEADER = "existing header";
    static final String HEADER_SCHEMAS = "header schemas from field schemas";
    static final String HEADER_WITHOUT_SCHEMA = "header without a schema";
    static final String JAVA_TYPES = "schemaless Integer, Short, Float";
    static final String DEFAULT_VALUE = "schema with a default value";
    static final String NULL_WITHOUT_DEFAULT = "replace.null.with.default=false";
    static final String LOGICAL_WHOLE_TO_STRING = "whole Timestamp value to string";
    static final String LOGICAL_WHOLE_TO_INT64 = "whole Timestamp value to int64";
    static final String BYTES_TO_STRING = "bytes without a schema to string";
    static final String BYTES_MASKED = "bytes without a schema";

    private DifferenceCases() {
    }

    static List<SmtCase> cases() {
        return List.of(
                SmtCase.of("kafka.insert-field", PARTITION_WITHOUT_SCHEMA, InsertField.Value::new, "partition.field", "p")
                        .on(SCHEMALESS).difference(),
                SmtCase.of("kafka.cast", NARROW_WITHOUT_SCHEMA, Cast.Value::new, "spec", "qty:int32,price:float32,code:int8,paid:float64")
                        .on(SCHEMALESS).difference(),
                SmtCase.of("kafka.cast", INTEGRAL_DOUBLE_TO_STRING, Cast.Value::new, "spec", "x:string")
                        .on(INTEGRAL_DOUBLE).difference(),
                SmtCase.of("kafka.mask-field", DECIMAL, MaskField.Value::new, "fields", "amount")
                        .on(STRUCT).difference(),
                SmtCase.of("kafka.mask-field", DECIMAL_REPLACEMENT, MaskField.Value::new, "fields", "amount", "replacement", "7.5")
                        .on(STRUCT).difference(),
                SmtCase.of("kafka.mask-field", FLOAT_WITHOUT_SCHEMA, MaskField.Value::new, "fields", "price")
                        .on(SCHEMALESS).difference(),
                SmtCase.of("kafka.timestamp-converter", LOGICAL_WITHOUT_SCHEMA, TimestampConverter.Value::new,
                        "field", "created", "target.type", "Timestamp")
                        .on(SCHEMALESS).difference(),
                SmtCase.of("kafka.insert-header", NUMBER_LITERAL, InsertHeader::new, "header", "n", "value.literal", "42")
                        .on(STRUCT).difference(),
                SmtCase.of("kafka.insert-header", EXISTING_HEADER, InsertHeader::new, "header", "source", "value.literal", "api")
                        .on(STRUCT).difference(),
                SmtCase.of("kafka.header-from", HEADER_SCHEMAS, HeaderFrom.Value::new,
                        "fields", "qty,note", "headers", "h-qty,h-note", "operation", "copy")
                        .on(STRUCT).difference(),
                SmtCase.of("kafka.header-from", HEADER_WITHOUT_SCHEMA, HeaderFrom.Value::new,
                        "fields", "id", "headers", "h-id", "operation", "copy")
                        .on(SCHEMALESS).difference(),
                SmtCase.of("kafka.insert-field", JAVA_TYPES, InsertField.Value::new, "static.field", "s", "static.value", "x")
                        .on(SCHEMALESS_JAVA_TYPES).difference(),
                SmtCase.of("kafka.insert-field", DEFAULT_VALUE, InsertField.Value::new, "topic.field", "topic")
                        .on(DEFAULTED).difference(),
                SmtCase.of("kafka.insert-field", NULL_WITHOUT_DEFAULT, InsertField.Value::new,
                        "topic.field", "topic", "replace.null.with.default", "false")
                        .on(DEFAULTED).difference(),
                SmtCase.of("kafka.cast", LOGICAL_WHOLE_TO_STRING, Cast.Value::new, "spec", "string")
                        .on(TIMESTAMP_VALUE).difference(),
                SmtCase.of("kafka.cast", LOGICAL_WHOLE_TO_INT64, Cast.Value::new, "spec", "int64")
                        .on(TIMESTAMP_VALUE).difference(),
                SmtCase.of("kafka.cast", BYTES_TO_STRING, Cast.Value::new, "spec", "raw:string")
                        .on(SCHEMALESS_BYTES).difference(),
                SmtCase.of("kafka.mask-field", BYTES_MASKED, MaskField.Value::new, "fields", "raw")
                        .on(SCHEMALESS_BYTES).difference());
    }
}
