package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sink records with Struct values through a JavaScript step (chains/orders.yaml). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainTransformStructTest {
    static final Schema CUSTOMER = SchemaBuilder.struct().name("dev.catena.test.Customer")
            .field("name", Schema.STRING_SCHEMA)
            .field("tier", Schema.INT8_SCHEMA)
            .build();
    static final Schema ORDER = SchemaBuilder.struct().name("dev.catena.test.Order").version(3).doc("An order")
            .field("id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("day", Date.SCHEMA)
            .field("slot", Time.SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("customer", CUSTOMER)
            .build();
    static final long DAY = 1764806400000L;
    static final long SLOT = 9 * 3_600_000L + 30 * 60_000L;
    static final long AT = DAY + SLOT + 1234;

    private final ChainTransform<SinkRecord> transform = TestChains.transform("orders.yaml");

    @AfterAll
    void close() {
        transform.close();
    }

    private static Struct order(int qty, String note) {
        return new Struct(ORDER)
                .put("id", "o-1")
                .put("qty", qty)
                .put("amount", new BigDecimal("1234.50"))
                .put("day", new java.util.Date(DAY))
                .put("slot", new java.util.Date(SLOT))
                .put("at", new java.util.Date(AT))
                .put("note", note)
                .put("tags", List.of("gift", "express"))
                .put("customer", new Struct(CUSTOMER).put("name", "ada").put("tier", (byte) 2));
    }

    private static SinkRecord record(Struct value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("attempt", 1);
        return new SinkRecord("orders", 3, Schema.STRING_SCHEMA, "o-1", ORDER, value, 42L, AT, null, headers);
    }

    @Test
    void apply_keepsInputSchemaInstance_whenOutputStillFitsIt() {
        SinkRecord out = transform.apply(record(order(2, "fragile")));

        assertSame(ORDER, out.valueSchema());
        assertEquals(order(3, "fragile"), out.value());
        assertSame(Schema.STRING_SCHEMA, out.keySchema());
        assertEquals("order-o-1", out.key());
        assertEquals(42L, out.kafkaOffset());
        assertEquals(3, out.kafkaPartition());
        assertEquals(AT, out.timestamp());
        assertEquals(1, out.headers().lastWithName("attempt").value());
        assertSame(Schema.INT32_SCHEMA, out.headers().lastWithName("attempt").schema());
        assertEquals("yes", out.headers().lastWithName("adjusted").value());
    }

    @Test
    void apply_derivesSchemaWithOptionalField_whenStepAddsOne_andReusesItForTheSameShape() {
        SinkRecord first = transform.apply(record(order(20, null)));
        SinkRecord second = transform.apply(record(order(30, "ring twice")));

        Schema derived = first.valueSchema();
        assertNotSame(ORDER, derived);
        assertEquals("dev.catena.test.Order", derived.name());
        assertEquals(3, derived.version());
        assertEquals("An order", derived.doc());
        assertEquals(List.of("id", "qty", "amount", "day", "slot", "at", "note", "tags", "customer", "bulk"),
                derived.fields().stream().map(Field::name).toList());
        assertSame(Schema.OPTIONAL_BOOLEAN_SCHEMA, derived.field("bulk").schema());
        for (Field f : ORDER.fields()) {
            assertSame(f.schema(), derived.field(f.name()).schema(), f.name());
        }
        assertSame(derived, second.valueSchema());

        Struct v = (Struct) first.value();
        assertEquals(21, v.getInt32("qty"));
        assertEquals(true, v.getBoolean("bulk"));
        assertEquals(new BigDecimal("1234.50"), v.get("amount"));
        assertEquals(new java.util.Date(DAY), v.get("day"));
        assertEquals(new java.util.Date(SLOT), v.get("slot"));
        assertEquals(new java.util.Date(AT), v.get("at"));
        assertEquals(order(2, null).getStruct("customer"), v.getStruct("customer"));
        assertEquals("ring twice", ((Struct) second.value()).getString("note"));
    }

    @Test
    void apply_derivesSchemaWithoutField_whenStepRemovesIt() {
        SinkRecord out = transform.apply(record(order(2, "drop-note")));

        assertEquals(List.of("id", "qty", "amount", "day", "slot", "at", "tags", "customer"),
                out.valueSchema().fields().stream().map(Field::name).toList());
        assertEquals("dev.catena.test.Order", out.valueSchema().name());
        assertEquals(3, ((Struct) out.value()).getInt32("qty"));
    }

    @Test
    void apply_throwsDataExceptionNamingField_whenStructFieldBecomesString() {
        DataException e = assertThrows(DataException.class, () -> transform.apply(record(order(2, "customer-as-text"))));

        assertEquals("chain orders, topic orders partition 3 offset 42: expected a Struct for field 'customer', found String",
                e.getMessage());
    }

    @Test
    void apply_throwsDataException_whenNumberIsOutOfRangeForItsField() {
        DataException e = assertThrows(DataException.class, () -> transform.apply(record(order(2, "tier-overflow"))));

        assertEquals("chain orders, topic orders partition 3 offset 42: expected an INT8 for field 'customer.tier',"
                + " found Long 300 (out of range)", e.getMessage());
    }

    @Test
    void apply_passesTombstoneWithItsSchema() {
        SinkRecord tombstone = new SinkRecord("orders", 3, Schema.STRING_SCHEMA, "o-1", ORDER, null, 43L);

        SinkRecord out = transform.apply(tombstone);

        assertSame(tombstone, out);
        assertNull(out.value());
    }
}
