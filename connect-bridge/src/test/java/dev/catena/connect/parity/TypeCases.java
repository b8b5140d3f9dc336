package dev.catena.connect.parity;

import static dev.catena.connect.parity.Samples.EDGE_NUMBERS;
import static dev.catena.connect.parity.Samples.PRIMITIVE;
import static dev.catena.connect.parity.Samples.PRIMITIVE_SCHEMALESS;
import static dev.catena.connect.parity.Samples.SCHEMALESS;
import static dev.catena.connect.parity.Samples.SCHEMALESS_TOMBSTONE;
import static dev.catena.connect.parity.Samples.STRING_VALUE;
import static dev.catena.connect.parity.Samples.STRUCT;
import static dev.catena.connect.parity.Samples.STRUCT_SOURCE;
import static dev.catena.connect.parity.Samples.STRUCT_TOMBSTONE;
import static dev.catena.connect.parity.Samples.TEXT_DATES;

import java.util.List;
import org.apache.kafka.connect.transforms.Cast;
import org.apache.kafka.connect.transforms.MaskField;
import org.apache.kafka.connect.transforms.TimestampConverter;

/** SMTs that change the types or values of fields: Cast, MaskField, TimestampConverter. */
final class TypeCases {
    private TypeCases() {
    }

    static List<SmtCase> cases() {
        return List.of(
                SmtCase.of("kafka.cast", "to integers, narrowing as Java", Cast.Value::new,
                        "spec", "qty:int8,small:int8,price:int16,ratio:int64,amount:int32,created:int32,paid:int8,code:int16,"
                                + "day:int32,slot:int64,at:int64")
                        .on(STRUCT, STRUCT_SOURCE, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.cast", "to floats", Cast.Value::new,
                        "spec", "qty:float32,small:float64,amount:float64,created:float32,code:float64,paid:float32,ratio:float64")
                        .on(STRUCT),
                SmtCase.of("kafka.cast", "to strings", Cast.Value::new,
                        "spec", "qty:string,small:string,price:string,ratio:string,amount:string,paid:string,day:string,"
                                + "slot:string,at:string,raw:string,created:string,id:string")
                        .on(STRUCT),
                SmtCase.of("kafka.cast", "to booleans", Cast.Value::new,
                        "spec", "qty:boolean,ratio:boolean,code:boolean,paid:boolean,amount:boolean,created:boolean")
                        .on(STRUCT),
                SmtCase.of("kafka.cast", "edge numbers to strings", Cast.Value::new,
                        "spec", "f32:string,f64:string,huge:string,tiny:string,max:string,min:string,dec7:string,dec8:string,"
                                + "nan:string,neg0:string")
                        .on(EDGE_NUMBERS),
                SmtCase.of("kafka.cast", "edge numbers to int8 and int64", Cast.Value::new,
                        "spec", "f32:int8,f64:int64,huge:int64,tiny:int8,max:int8,min:int64,dec7:int64,dec8:int8,nan:int64,neg0:int8")
                        .on(EDGE_NUMBERS),
                SmtCase.of("kafka.cast", "edge numbers to float32 and boolean", Cast.Value::new,
                        "spec", "f32:float64,f64:float32,huge:float32,tiny:boolean,max:float32,min:boolean,dec7:float32,"
                                + "dec8:boolean,nan:boolean,neg0:float64,text:float32")
                        .on(EDGE_NUMBERS),
                SmtCase.of("kafka.cast", "without a schema, to int64, string and boolean", Cast.Value::new,
                        "spec", "qty:string,price:string,paid:int64,code:int64,created:string,missing:string,price:boolean")
                        .on(SCHEMALESS),
                SmtCase.of("kafka.cast", "spec as a list", Cast.Value::new, "spec", "qty:int64,price:string")
                        .with("spec", List.of("qty:int64", "price:string"))
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.cast", "unparseable string", Cast.Value::new, "spec", "when:int32")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.cast", "string out of range", Cast.Value::new, "spec", "created:string,code:int8")
                        .on(STRUCT),
                SmtCase.of("kafka.cast", "bytes to a number", Cast.Value::new, "spec", "raw:int32")
                        .on(STRUCT),
                SmtCase.of("kafka.cast", "struct field", Cast.Value::new, "spec", "customer:string")
                        .on(STRUCT),
                SmtCase.of("kafka.cast", "invalid target type", Cast.Value::new, "spec", "qty:bytes")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.cast", "whole value to string", Cast.Value::new, "spec", "string")
                        .on(PRIMITIVE, PRIMITIVE_SCHEMALESS, STRUCT),
                SmtCase.of("kafka.cast", "whole value to boolean", Cast.Value::new, "spec", "boolean")
                        .on(PRIMITIVE, STRING_VALUE),
                SmtCase.of("kafka.cast", "whole key", Cast.Key::new, "spec", "string")
                        .on(PRIMITIVE, STRUCT),
                SmtCase.of("kafka.cast", "key field", Cast.Key::new, "spec", "id:boolean")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.cast", "whole value with more casts", Cast.Value::new, "spec", "int64,qty:int8")
                        .on(PRIMITIVE),

                SmtCase.of("kafka.mask-field", "by type", MaskField.Value::new,
                        "fields", "id,qty,small,price,ratio,paid,note,code,day,slot,at,tags")
                        .on(STRUCT, STRUCT_SOURCE),
                SmtCase.of("kafka.mask-field", "by type without a schema", MaskField.Value::new,
                        "fields", "id,qty,paid,note,tags,customer,missing")
                        .on(SCHEMALESS),
                SmtCase.of("kafka.mask-field", "replacement", MaskField.Value::new,
                        "fields", "qty,small,price,ratio,code,id", "replacement", "300")
                        .on(STRUCT),
                SmtCase.of("kafka.mask-field", "replacement without a schema", MaskField.Value::new,
                        "fields", "qty,code,id,created", "replacement", "-12.75")
                        .on(SCHEMALESS),
                SmtCase.of("kafka.mask-field", "replacement truncates and wraps", MaskField.Value::new,
                        "fields", "qty,small,ratio,created", "replacement", "-70000.9e1")
                        .on(STRUCT),
                SmtCase.of("kafka.mask-field", "replacement that is not a number", MaskField.Value::new,
                        "fields", "qty", "replacement", "abc")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.mask-field", "replacement on a boolean", MaskField.Value::new,
                        "fields", "paid", "replacement", "x")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.mask-field", "bytes", MaskField.Value::new, "fields", "raw")
                        .on(STRUCT),
                SmtCase.of("kafka.mask-field", "struct field", MaskField.Value::new, "fields", "customer")
                        .on(STRUCT),
                SmtCase.of("kafka.mask-field", "tombstone", MaskField.Value::new, "fields", "id")
                        .on(STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.mask-field", "key, fields as a list", MaskField.Key::new, "fields", "id")
                        .with("fields", List.of("id"))
                        .on(STRUCT, SCHEMALESS, PRIMITIVE),

                SmtCase.of("kafka.timestamp-converter", "Timestamp field to string", TimestampConverter.Value::new,
                        "field", "at", "target.type", "string", "format", "yyyy-MM-dd HH:mm:ss.SSS")
                        .on(STRUCT, SCHEMALESS, STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.timestamp-converter", "string field to Timestamp", TimestampConverter.Value::new,
                        "field", "when", "target.type", "Timestamp", "format", "yyyy-MM-dd HH:mm:ss")
                        .on(STRUCT, STRUCT_SOURCE),
                SmtCase.of("kafka.timestamp-converter", "string field to unix seconds", TimestampConverter.Value::new,
                        "field", "when", "target.type", "unix", "format", "yyyy-MM-dd HH:mm:ss", "unix.precision", "seconds")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.timestamp-converter", "ISO 8601 with an offset", TimestampConverter.Value::new,
                        "field", "iso", "target.type", "Timestamp", "format", "yyyy-MM-dd'T'HH:mm:ss.SXXX")
                        .on(TEXT_DATES),
                SmtCase.of("kafka.timestamp-converter", "two-digit year and AM/PM", TimestampConverter.Value::new,
                        "field", "us", "target.type", "unix", "format", "MM/dd/yy hh:mm a")
                        .on(TEXT_DATES),
                SmtCase.of("kafka.timestamp-converter", "names and a zone", TimestampConverter.Value::new,
                        "field", "mail", "target.type", "Date", "format", "EEE, d MMM yyyy HH:mm:ss z")
                        .on(TEXT_DATES),
                SmtCase.of("kafka.timestamp-converter", "unix field to string", TimestampConverter.Value::new,
                        "field", "created", "target.type", "string", "format", "EEE, d MMM yyyy hh:mm:ss.SSS a z")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.timestamp-converter", "unix microseconds to Date", TimestampConverter.Value::new,
                        "field", "created", "target.type", "Date", "unix.precision", "microseconds")
                        .on(STRUCT),
                SmtCase.of("kafka.timestamp-converter", "Date field to unix nanoseconds", TimestampConverter.Value::new,
                        "field", "day", "target.type", "unix", "unix.precision", "nanoseconds")
                        .on(STRUCT),
                SmtCase.of("kafka.timestamp-converter", "Timestamp field to Time", TimestampConverter.Value::new,
                        "field", "at", "target.type", "Time")
                        .on(STRUCT),
                SmtCase.of("kafka.timestamp-converter", "Time field to unix", TimestampConverter.Value::new,
                        "field", "slot", "target.type", "unix")
                        .on(STRUCT),
                SmtCase.of("kafka.timestamp-converter", "whole value to Timestamp", TimestampConverter.Value::new,
                        "target.type", "Timestamp", "format", "yyyy-MM-dd HH:mm:ss")
                        .on(PRIMITIVE, STRING_VALUE),
                SmtCase.of("kafka.timestamp-converter", "whole value to string", TimestampConverter.Value::new,
                        "target.type", "string", "format", "yyyyMMddHHmmssSSS")
                        .on(PRIMITIVE, PRIMITIVE_SCHEMALESS),
                SmtCase.of("kafka.timestamp-converter", "whole key", TimestampConverter.Key::new,
                        "target.type", "unix", "format", "yyyy")
                        .on(PRIMITIVE, STRUCT),
                SmtCase.of("kafka.timestamp-converter", "field with another type", TimestampConverter.Value::new,
                        "field", "qty", "target.type", "unix")
                        .on(STRUCT),
                SmtCase.of("kafka.timestamp-converter", "unparseable string", TimestampConverter.Value::new,
                        "field", "id", "target.type", "unix", "format", "yyyy-MM-dd")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.timestamp-converter", "string target without format", TimestampConverter.Value::new,
                        "field", "at", "target.type", "string")
                        .on(STRUCT),
                SmtCase.of("kafka.timestamp-converter", "unknown target type", TimestampConverter.Value::new,
                        "field", "at", "target.type", "timestamp")
                        .on(STRUCT));
    }
}
