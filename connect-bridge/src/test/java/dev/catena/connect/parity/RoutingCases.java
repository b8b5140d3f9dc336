package dev.catena.connect.parity;

import static dev.catena.connect.parity.Samples.NO_TIMESTAMP;
import static dev.catena.connect.parity.Samples.REPEATED_HEADERS;
import static dev.catena.connect.parity.Samples.SCHEMALESS;
import static dev.catena.connect.parity.Samples.SCHEMALESS_SOURCE;
import static dev.catena.connect.parity.Samples.SCHEMALESS_TOMBSTONE;
import static dev.catena.connect.parity.Samples.STRUCT;
import static dev.catena.connect.parity.Samples.STRUCT_SOURCE;
import static dev.catena.connect.parity.Samples.STRUCT_TOMBSTONE;

import java.util.List;
import org.apache.kafka.connect.transforms.DropHeaders;
import org.apache.kafka.connect.transforms.Filter;
import org.apache.kafka.connect.transforms.HeaderFrom;
import org.apache.kafka.connect.transforms.InsertHeader;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.TimestampRouter;

/** SMTs that route records, drop them, or work on headers. */
final class RoutingCases {
    private RoutingCases() {
    }

    static List<SmtCase> cases() {
        return List.of(
                SmtCase.of("kafka.regex-router", "group reference", RegexRouter::new,
                        "regex", "ord(e)rs", "replacement", "shipments-$1")
                        .on(STRUCT, SCHEMALESS, STRUCT_SOURCE, STRUCT_TOMBSTONE),
                SmtCase.of("kafka.regex-router", "no match", RegexRouter::new, "regex", "order", "replacement", "x")
                        .on(STRUCT, SCHEMALESS_SOURCE),
                SmtCase.of("kafka.regex-router", "first match of a whole match", RegexRouter::new,
                        "regex", "o|orders", "replacement", "X")
                        .on(STRUCT),
                SmtCase.of("kafka.regex-router", "named group and escapes", RegexRouter::new,
                        "regex", "(?<base>ord)ers", "replacement", "${base}-\\$1\\\\x")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.regex-router", "largest group number that exists", RegexRouter::new,
                        "regex", "(o)(r)(d)(e)(r)(s)", "replacement", "$11$61$0")
                        .on(STRUCT),
                SmtCase.of("kafka.regex-router", "group that does not exist", RegexRouter::new,
                        "regex", "(orders)", "replacement", "$2")
                        .on(STRUCT),
                SmtCase.of("kafka.regex-router", "optional group that did not match", RegexRouter::new,
                        "regex", "(x)?orders", "replacement", "[$1]")
                        .on(STRUCT),

                SmtCase.of("kafka.timestamp-router", "defaults", TimestampRouter::new)
                        .on(STRUCT, SCHEMALESS, STRUCT_SOURCE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.timestamp-router", "formats", TimestampRouter::new,
                        "topic.format", "${timestamp}.${topic}.${topic}", "timestamp.format", "yyyy-MM-dd'T'HH 'h' EEE MMMM D")
                        .on(STRUCT, SCHEMALESS_SOURCE),
                SmtCase.of("kafka.timestamp-router", "no timestamp", TimestampRouter::new)
                        .on(NO_TIMESTAMP),

                SmtCase.of("kafka.filter", "drops", Filter::new)
                        .on(STRUCT, SCHEMALESS, STRUCT_SOURCE, STRUCT_TOMBSTONE),

                SmtCase.of("kafka.drop-headers", "two headers", DropHeaders::new, "headers", "trace, source")
                        .on(STRUCT, SCHEMALESS_SOURCE, STRUCT_TOMBSTONE),
                SmtCase.of("kafka.drop-headers", "a repeated header stays as it was", DropHeaders::new, "headers", "trace")
                        .on(REPEATED_HEADERS),
                SmtCase.of("kafka.drop-headers", "missing header, as a list", DropHeaders::new, "headers", "nope,attempt")
                        .with("headers", List.of("nope", "attempt"))
                        .on(STRUCT, SCHEMALESS),

                SmtCase.of("kafka.insert-header", "string", InsertHeader::new, "header", "origin", "value.literal", "web shop")
                        .on(STRUCT, SCHEMALESS_SOURCE, STRUCT_TOMBSTONE),
                SmtCase.of("kafka.insert-header", "boolean", InsertHeader::new, "header", "replayed", "value.literal", "true")
                        .on(STRUCT),
                SmtCase.of("kafka.insert-header", "YAML boolean", InsertHeader::new, "header", "replayed", "value.literal", "false")
                        .with("value.literal", false)
                        .on(STRUCT),
                SmtCase.of("kafka.insert-header", "null", InsertHeader::new, "header", "nothing", "value.literal", "null")
                        .on(STRUCT),
                SmtCase.of("kafka.insert-header", "empty string", InsertHeader::new, "header", "blank", "value.literal", "")
                        .on(STRUCT),
                SmtCase.of("kafka.insert-header", "text that is not a literal", InsertHeader::new,
                        "header", "note", "value.literal", "[1, two")
                        .on(STRUCT),

                SmtCase.of("kafka.header-from", "copy", HeaderFrom.Value::new,
                        "fields", "id", "headers", "order-id", "operation", "copy")
                        .on(STRUCT, STRUCT_SOURCE),
                SmtCase.of("kafka.header-from", "move", HeaderFrom.Value::new,
                        "fields", "id,created,paid,price", "headers", "h-id,h-created,h-paid,h-price", "operation", "move")
                        .with("fields", List.of("id", "created", "paid", "price"))
                        .on(STRUCT),
                SmtCase.of("kafka.header-from", "move a nested map without a schema", HeaderFrom.Value::new,
                        "fields", "customer", "headers", "who", "operation", "move")
                        .on(SCHEMALESS, SCHEMALESS_SOURCE),
                SmtCase.of("kafka.header-from", "field not in the schema", HeaderFrom.Value::new,
                        "fields", "nope", "headers", "h", "operation", "copy")
                        .on(STRUCT),
                SmtCase.of("kafka.header-from", "tombstone", HeaderFrom.Value::new,
                        "fields", "id", "headers", "h", "operation", "move")
                        .on(STRUCT_TOMBSTONE, SCHEMALESS_TOMBSTONE),
                SmtCase.of("kafka.header-from", "unequal lists", HeaderFrom.Value::new,
                        "fields", "id,qty", "headers", "h", "operation", "copy")
                        .on(STRUCT, SCHEMALESS),
                SmtCase.of("kafka.header-from", "key", HeaderFrom.Key::new,
                        "fields", "id", "headers", "key-id", "operation", "move")
                        .on(STRUCT));
    }
}
