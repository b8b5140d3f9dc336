package dev.catena.connect.parity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records every SMT runs on, Kafka's and Catena's alike: an order with a schema (a Struct
 * with every primitive and logical type, an array, nested structs and bytes) and the same order
 * without one (neutral-typed maps: Long, Double, String, Boolean, List, Map), as sink and source
 * records, plus tombstones, a record without timestamp and primitive keys and values. Each is
 * built fresh for a partition, which selects the parity case in the Catena chain.
 */
final class Samples {
    static final String TOPIC = "orders";
    static final long OFFSET = 42L;
    /** 2024-03-05T10:20:30.123Z */
    static final long AT = 1709634030123L;
    static final long DAY = 1709596800000L;
    static final long SLOT = AT - DAY;

    static final Schema ADDRESS = SchemaBuilder.struct().name("dev.catena.parity.Address").optional()
            .field("city", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema CUSTOMER = SchemaBuilder.struct().name("dev.catena.parity.Customer")
            .field("name", Schema.STRING_SCHEMA)
            .field("tier", Schema.INT8_SCHEMA)
            .field("address", ADDRESS)
            .build();
    static final Schema ORDER = SchemaBuilder.struct().name("dev.catena.parity.Order").version(2).doc("An order")
            .field("id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("small", Schema.INT16_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("ratio", Schema.FLOAT32_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("paid", Schema.BOOLEAN_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("code", Schema.STRING_SCHEMA)
            .field("day", Date.SCHEMA)
            .field("slot", Time.SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("created", Schema.INT64_SCHEMA)
            .field("when", Schema.STRING_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("raw", Schema.BYTES_SCHEMA)
            .field("customer", CUSTOMER)
            .build();
    static final Schema ORDER_KEY = SchemaBuilder.struct().name("dev.catena.parity.OrderKey")
            .field("id", Schema.STRING_SCHEMA)
            .build();
    /** Numbers at the edges of Java's formats and casts. */
    static final Schema NUMBERS = SchemaBuilder.struct().name("dev.catena.parity.Numbers")
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.FLOAT64_SCHEMA)
            .field("huge", Schema.FLOAT64_SCHEMA)
            .field("tiny", Schema.FLOAT64_SCHEMA)
            .field("max", Schema.INT64_SCHEMA)
            .field("min", Schema.INT64_SCHEMA)
            .field("dec7", Decimal.schema(7))
            .field("dec8", Decimal.schema(8))
            .field("nan", Schema.FLOAT64_SCHEMA)
            .field("neg0", Schema.FLOAT32_SCHEMA)
            .field("text", Schema.STRING_SCHEMA)
            .build();
    /** Timestamps as text in a few common formats. */
    static final Schema DATES = SchemaBuilder.struct().name("dev.catena.parity.Dates")
            .field("iso", Schema.STRING_SCHEMA)
            .field("us", Schema.STRING_SCHEMA)
            .field("mail", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    /** A struct whose field has a default value (Catena's neutral schemas have none). */
    static final Schema WITH_DEFAULT = SchemaBuilder.struct().name("dev.catena.parity.Defaulted")
            .field("id", Schema.STRING_SCHEMA)
            .field("tier", SchemaBuilder.int32().optional().defaultValue(1).build())
            .build();
    /** A struct with a map field: Flatten refuses it. */
    static final Schema WITH_MAP = SchemaBuilder.struct().name("dev.catena.parity.Tagged")
            .field("id", Schema.STRING_SCHEMA)
            .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .build();

    /** A named record factory; {@code toString} is the name used in test names. */
    record Sample(String name, IntFunction<ConnectRecord<?>> factory) {
        ConnectRecord<?> record(int partition) {
            return factory.apply(partition);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Sample STRUCT = new Sample("struct sink record",
            p -> sink(p, ORDER_KEY, orderKey(), ORDER, order(), AT));
    static final Sample SCHEMALESS = new Sample("schemaless sink record",
            p -> sink(p, null, orderKeyMap(), null, orderMap(), AT));
    static final Sample STRUCT_SOURCE = new Sample("struct source record",
            p -> new SourceRecord(Map.of("file", "orders.jsonl"), Map.of("line", 7L), TOPIC, p,
                    ORDER_KEY, orderKey(), ORDER, order(), AT, headers()));
    static final Sample SCHEMALESS_SOURCE = new Sample("schemaless source record",
            p -> new SourceRecord(Map.of("file", "orders.jsonl"), Map.of("line", 7L), TOPIC, p,
                    null, orderKeyMap(), null, orderMap(), AT, headers()));
    static final Sample STRUCT_TOMBSTONE = new Sample("struct tombstone",
            p -> sink(p, ORDER_KEY, orderKey(), ORDER, null, AT));
    static final Sample SCHEMALESS_TOMBSTONE = new Sample("schemaless tombstone",
            p -> sink(p, null, orderKeyMap(), null, null, AT));
    static final Sample NO_TIMESTAMP = new Sample("struct sink record without timestamp",
            p -> sink(p, ORDER_KEY, orderKey(), ORDER, order(), null));
    static final Sample EDGE_NUMBERS = new Sample("struct of edge numbers",
            p -> sink(p, null, "n-1", NUMBERS, new Struct(NUMBERS)
                    .put("f32", 3.14f).put("f64", 0.1 + 0.2).put("huge", 1e21).put("tiny", -1.5e-7)
                    .put("max", Long.MAX_VALUE).put("min", Long.MIN_VALUE)
                    .put("dec7", new BigDecimal("0.0000012")).put("dec8", new BigDecimal("-0.00000012"))
                    .put("nan", Double.NaN).put("neg0", -0.0f).put("text", " -1.5E3f "), AT));
    static final Sample TEXT_DATES = new Sample("struct of dates as text",
            p -> sink(p, null, "d-1", DATES, new Struct(DATES).put("iso", "2024-03-05T10:20:30.5+02:00")
                    .put("us", "03/05/24 10:20 PM").put("mail", "Tue, 5 Mar 2024 22:20:30 GMT"), AT));
    /** A schemaless map of Java types that are not Catena's neutral ones (Integer, Short, Float). */
    static final Sample SCHEMALESS_JAVA_TYPES = new Sample("schemaless record of Integer, Short and Float",
            p -> sink(p, null, "o-1", null, javaTypes(), AT));
    /** A schemaless map with a Double that has an integral value. */
    static final Sample INTEGRAL_DOUBLE = new Sample("schemaless record with the Double 3.0",
            p -> sink(p, null, "o-1", null, new LinkedHashMap<>(Map.of("x", 3.0)), AT));
    static final Sample DEFAULTED = new Sample("struct with a defaulted field",
            p -> sink(p, null, "o-1", WITH_DEFAULT, new Struct(WITH_DEFAULT).put("id", "o-1").put("tier", 2), AT));
    /** A schemaless map with bytes. */
    static final Sample SCHEMALESS_BYTES = new Sample("schemaless record with bytes",
            p -> sink(p, null, "o-1", null, new LinkedHashMap<>(Map.of("raw", new byte[] {1, 2, 3})), AT));
    /** A Timestamp value with its logical schema. */
    static final Sample TIMESTAMP_VALUE = new Sample("Timestamp value sink record",
            p -> sink(p, Schema.STRING_SCHEMA, "o-1", Timestamp.SCHEMA, new java.util.Date(AT), AT));
    /** Two headers named "v" with different schemas (INT8, then INT32). */
    static final Sample REPEATED_HEADERS = new Sample("struct sink record with a repeated header",
            p -> {
                SinkRecord r = sink(p, ORDER_KEY, orderKey(), ORDER, order(), AT);
                r.headers().addByte("v", (byte) 1).addInt("v", 2);
                return r;
            });
    /** A string key and an int64 value, both with schemas. */
    static final Sample PRIMITIVE = new Sample("primitive sink record",
            p -> sink(p, Schema.STRING_SCHEMA, "o-1", Schema.INT64_SCHEMA, AT, AT));
    /** Primitive key and value without schemas. */
    static final Sample PRIMITIVE_SCHEMALESS = new Sample("schemaless primitive sink record",
            p -> sink(p, null, "o-1", null, AT, AT));
    static final Sample STRING_VALUE = new Sample("string value sink record",
            p -> sink(p, Schema.STRING_SCHEMA, "o-1", Schema.OPTIONAL_STRING_SCHEMA, "2024-03-05 10:20:30", AT));
    static final Sample MAP_FIELD = new Sample("struct with a map field",
            p -> sink(p, null, "t-1", WITH_MAP, new Struct(WITH_MAP).put("id", "t-1").put("attrs", Map.of("a", 1)), AT));

    private Samples() {
    }

    static SinkRecord sink(int partition, Schema keySchema, Object key, Schema valueSchema, Object value, Long timestamp) {
        return new SinkRecord(TOPIC, partition, keySchema, key, valueSchema, value, OFFSET, timestamp,
                TimestampType.CREATE_TIME, headers());
    }

    static ConnectHeaders headers() {
        ConnectHeaders h = new ConnectHeaders();
        h.addString("trace", "t-1");
        h.addInt("attempt", 1);
        h.addString("source", "web");
        return h;
    }

    static Struct orderKey() {
        return new Struct(ORDER_KEY).put("id", "o-1");
    }

    static Map<String, Object> orderKeyMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "o-1");
        return m;
    }

    static Struct order() {
        return new Struct(ORDER)
                .put("id", "o-1")
                .put("qty", 3)
                .put("small", (short) 300)
                .put("price", 9.5)
                .put("ratio", 0.25f)
                .put("amount", new BigDecimal("1234.50"))
                .put("paid", true)
                .put("note", null)
                .put("code", "42")
                .put("day", new java.util.Date(DAY))
                .put("slot", new java.util.Date(SLOT))
                .put("at", new java.util.Date(AT))
                .put("created", AT)
                .put("when", "2024-03-05 10:20:30")
                .put("tags", List.of("gift", "express"))
                .put("raw", new byte[] {1, 2, 3, (byte) 250})
                .put("customer", new Struct(CUSTOMER).put("name", "ada").put("tier", (byte) 2)
                        .put("address", new Struct(ADDRESS).put("city", "London")));
    }

    static Map<String, Object> javaTypes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qty", 3);
        m.put("small", (short) 300);
        m.put("ratio", 0.25f);
        m.put("id", "o-1");
        return m;
    }

    /** The order without a schema, in the types a Catena step writes back (Long, Double, ...). */
    static Map<String, Object> orderMap() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "London");
        address.put("zip", null);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "ada");
        customer.put("tier", 2L);
        customer.put("address", address);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "o-1");
        m.put("qty", 3L);
        m.put("price", 9.5);
        m.put("paid", true);
        m.put("note", null);
        m.put("code", "42");
        m.put("created", AT);
        m.put("when", "2024-03-05 10:20:30");
        m.put("tags", new ArrayList<>(List.of("gift", "express")));
        m.put("customer", customer);
        return m;
    }
}
