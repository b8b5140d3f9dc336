package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Connect records to messages and back, with the step's work simulated by changing the message. */
class RecordConverterTest {
    static final Schema ITEM = SchemaBuilder.struct().name("dev.catena.test.Item")
            .field("sku", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .build();
    static final Schema ALL = SchemaBuilder.struct().name("dev.catena.test.All").version(2).doc("every type")
            .parameter("owner", "test")
            .field("i8", Schema.INT8_SCHEMA)
            .field("i16", Schema.INT16_SCHEMA)
            .field("i32", Schema.INT32_SCHEMA)
            .field("i64", Schema.INT64_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.FLOAT64_SCHEMA)
            .field("flag", Schema.BOOLEAN_SCHEMA)
            .field("text", Schema.STRING_SCHEMA)
            .field("raw", Schema.BYTES_SCHEMA)
            .field("price", Decimal.schema(2))
            .field("day", Date.SCHEMA)
            .field("slot", Time.SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("items", SchemaBuilder.array(ITEM).build())
            .field("counts", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT64_SCHEMA).build())
            .field("maybe", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final long DAY = 1764806400000L;
    static final long SLOT = 34_200_000L;
    static final long AT = DAY + SLOT + 1234;

    private final RecordConverter converter = new RecordConverter();

    static Struct all() {
        return new Struct(ALL)
                .put("i8", (byte) 1).put("i16", (short) 2).put("i32", 3).put("i64", 4L)
                .put("f32", 0.5f).put("f64", 0.25).put("flag", true).put("text", "x")
                .put("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .put("price", new BigDecimal("9.99"))
                .put("day", new java.util.Date(DAY)).put("slot", new java.util.Date(SLOT)).put("at", new java.util.Date(AT))
                .put("items", List.of(new Struct(ITEM).put("sku", "pen").put("qty", 2)))
                .put("counts", Map.of(7, 70L));
    }

    static SinkRecord record(Schema schema, Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("attempt", 1);
        headers.addString("source", "web");
        headers.addTimestamp("when", new java.util.Date(AT));
        return new SinkRecord("t", 1, Schema.INT32_SCHEMA, 5, schema, value, 9L, AT, null, headers);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> valueOf(Message m) {
        return (Map<String, Object>) Values.deepCopy(m.value());
    }

    /** Runs a simulated step: the message with {@code change} applied to a copy of its value. */
    private SinkRecord afterStep(SinkRecord in, java.util.function.Consumer<Map<String, Object>> change) {
        Message m = converter.toMessage(in);
        Map<String, Object> v = valueOf(m);
        change.accept(v);
        return converter.toRecord(in, m, m.withValue(v), "c");
    }

    @Test
    void toMessage_readsEveryConnectTypeAsNeutralValue() {
        Message m = converter.toMessage(record(ALL, all()));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i8", 1L);
        expected.put("i16", 2L);
        expected.put("i32", 3L);
        expected.put("i64", 4L);
        expected.put("f32", 0.5);
        expected.put("f64", 0.25);
        expected.put("flag", true);
        expected.put("text", "x");
        expected.put("raw", new byte[] {1, 2, 3});
        expected.put("price", new BigDecimal("9.99"));
        expected.put("day", DAY);
        expected.put("slot", SLOT);
        expected.put("at", AT);
        expected.put("items", List.of(Map.of("sku", "pen", "qty", 2L)));
        expected.put("counts", Map.of("7", 70L));
        expected.put("maybe", null);
        assertTrue(Values.deepEquals(expected, m.value()), String.valueOf(m.value()));
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(valueOf(m).keySet()));
        assertEquals(5L, m.key());
        assertEquals(9L, m.offset());
        assertNull(m.origin());
        assertEquals("topic t partition 1 offset 9", m.describe());
        assertEquals(List.of(1L, "web", AT), m.headers().entries().stream().map(h -> h.value()).toList());
    }

    @Test
    void toMessage_convertsSchemaKeepingNameVersionDocParametersAndFields() {
        dev.catena.bindings.Schema s = converter.toMessage(record(ALL, all())).valueSchema();

        assertEquals(dev.catena.bindings.Schema.Type.STRUCT, s.type());
        assertEquals("dev.catena.test.All", s.name());
        assertEquals(2, s.version());
        assertEquals("every type", s.doc());
        assertEquals(Map.of("owner", "test"), s.parameters());
        assertEquals(false, s.optional());
        assertEquals(ALL.fields().stream().map(Field::name).toList(), s.fields().stream().map(f -> f.name()).toList());
        assertEquals(Decimal.LOGICAL_NAME, s.field("price").schema().name());
        assertEquals(Map.of("scale", "2"), s.field("price").schema().parameters());
        assertEquals(List.of("sku", "qty"), s.field("items").schema().valueSchema().fields().stream().map(f -> f.name()).toList());
        assertEquals(dev.catena.bindings.Schema.Type.INT32, s.field("counts").schema().keySchema().type());
        assertEquals(true, s.field("maybe").schema().optional());
    }

    @Test
    void toMessage_readsSchemalessJavaValues() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put("i", 1);
        value.put("f", 1.5f);
        value.put("d", new java.util.Date(AT));
        value.put("b", ByteBuffer.wrap(new byte[] {4}));
        value.put("s", new Struct(ITEM).put("sku", "pen").put("qty", 2));
        value.put("l", List.of((short) 1));
        value.put(3, "three");

        Message m = converter.toMessage(new SinkRecord("t", 0, null, null, null, value, 0L));

        Map<String, Object> v = valueOf(m);
        assertEquals(List.of("i", "f", "d", "b", "s", "l", "3"), new ArrayList<>(v.keySet()));
        assertEquals(1L, v.get("i"));
        assertEquals(1.5, v.get("f"));
        assertEquals(AT, v.get("d"));
        assertArrayEquals(new byte[] {4}, (byte[]) v.get("b"));
        assertEquals(Map.of("sku", "pen", "qty", 2L), v.get("s"));
        assertEquals(List.of(1L), v.get("l"));
        assertEquals("three", v.get("3"));
    }

    @Test
    void toMessage_throwsDataException_whenValueDoesNotMatchItsSchema() {
        DataException e = assertThrows(DataException.class,
                () -> converter.toMessage(new SinkRecord("t", 1, null, null, Schema.INT32_SCHEMA, "x", 9L)));

        assertEquals("cannot read the record (topic t partition 1 offset 9): expected an INT32 for the value, found String",
                e.getMessage());
    }

    @Test
    void toMessage_namesTheNestedPart_whenItDoesNotMatchItsSchema() {
        Schema counts = SchemaBuilder.map(Schema.STRING_SCHEMA, SchemaBuilder.array(Schema.INT32_SCHEMA).build()).build();

        DataException e = assertThrows(DataException.class, () -> converter.toMessage(
                new SinkRecord("t", 1, null, null, counts, Map.of("pens", List.of(1, "two")), 9L)));

        assertEquals("cannot read the record (topic t partition 1 offset 9): expected an INT32 for field '[\"pens\"][1]',"
                + " found String", e.getMessage());
    }

    @Test
    void toRecord_returnsOriginalObjects_whenMessageIsUnchanged() {
        SinkRecord in = record(ALL, all());
        Message m = converter.toMessage(in);

        SinkRecord out = converter.toRecord(in, m, m, "c");

        assertSame(in.value(), out.value());
        assertSame(in.valueSchema(), out.valueSchema());
        assertSame(in.key(), out.key());
        List<Header> inHeaders = new ArrayList<>();
        in.headers().forEach(inHeaders::add);
        List<Header> outHeaders = new ArrayList<>();
        out.headers().forEach(outHeaders::add);
        assertEquals(inHeaders.size(), outHeaders.size());
        for (int i = 0; i < inHeaders.size(); i++) {
            assertSame(inHeaders.get(i), outHeaders.get(i));
        }
    }

    @Test
    void toRecord_convertsChangedValuesToTheirFieldTypes() {
        SinkRecord out = afterStep(record(ALL, all()), v -> {
            v.put("i8", 5L);
            v.put("f32", 2L);
            v.put("price", 1.005);
            v.put("day", DAY + 86_400_000L);
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) v.get("counts");
            counts.put("8", 80L);
        });

        assertSame(ALL, out.valueSchema());
        Struct s = (Struct) out.value();
        assertEquals((byte) 5, s.get("i8"));
        assertEquals(2.0f, s.get("f32"));
        assertEquals(new BigDecimal("1.00"), s.get("price"));
        assertEquals(new java.util.Date(DAY + 86_400_000L), s.get("day"));
        assertEquals(Map.of(7, 70L, 8, 80L), s.get("counts"));
        assertEquals(new java.util.Date(AT), s.get("at"));
        assertArrayEquals(new byte[] {1, 2, 3}, s.getBytes("raw"));
    }

    @Test
    void toRecord_throwsDataException_whenDateIsNotAtMidnight() {
        DataException e = assertThrows(DataException.class, () -> afterStep(record(ALL, all()), v -> v.put("day", DAY + 1)));

        assertEquals("chain c, topic t partition 1 offset 9: expected a Date (epoch milliseconds at midnight UTC)"
                + " for field 'day', found Long 1764806400001 (not midnight UTC)", e.getMessage());
    }

    @Test
    void toRecord_throwsDataException_whenRequiredFieldIsNull() {
        DataException e = assertThrows(DataException.class, () -> afterStep(record(ALL, all()), v -> v.put("text", null)));

        assertEquals("chain c, topic t partition 1 offset 9: expected a non-null STRING for field 'text', found null",
                e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void toRecord_derivesElementSchema_whenStepAddsFieldToSomeArrayElements() {
        SinkRecord out = afterStep(record(ALL, all()), v -> {
            List<Object> items = (List<Object>) v.get("items");
            ((Map<String, Object>) items.get(0)).put("gift", true);
            items.add(new LinkedHashMap<>(Map.of("sku", "ink")));
            ((Map<String, Object>) items.get(1)).put("qty", 1L);
        });

        Schema item = out.valueSchema().field("items").schema().valueSchema();
        assertEquals("dev.catena.test.Item", item.name());
        assertEquals(List.of("sku", "qty", "gift"), item.fields().stream().map(Field::name).toList());
        assertSame(Schema.OPTIONAL_BOOLEAN_SCHEMA, item.field("gift").schema());
        List<Struct> items = (List<Struct>) ((Struct) out.value()).get("items");
        assertEquals(new Struct(item).put("sku", "pen").put("qty", 2).put("gift", true), items.get(0));
        assertEquals(new Struct(item).put("sku", "ink").put("qty", 1), items.get(1));
    }

    @Test
    void toRecord_typesNewFieldsFromTheirValues_asOptional() {
        SinkRecord out = afterStep(record(ALL, all()), v -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("n", 1L);
            extra.put("ratio", 0.5);
            extra.put("ok", true);
            extra.put("none", null);
            extra.put("mixed", List.of(1L, 2.5));
            extra.put("amount", new BigDecimal("3.140"));
            extra.put("blob", new byte[] {9});
            extra.put("nested", Map.of("a", "b"));
            v.put("extra", extra);
        });

        Schema extra = out.valueSchema().field("extra").schema();
        Schema expected = SchemaBuilder.struct().optional()
                .field("n", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ratio", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("ok", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                .field("none", Schema.OPTIONAL_STRING_SCHEMA)
                .field("mixed", SchemaBuilder.array(Schema.OPTIONAL_FLOAT64_SCHEMA).optional().build())
                .field("amount", Decimal.builder(3).optional().build())
                .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
                .field("nested", SchemaBuilder.struct().optional().field("a", Schema.OPTIONAL_STRING_SCHEMA).build())
                .build();
        assertEquals(expected, extra);
        Struct e = ((Struct) out.value()).getStruct("extra");
        assertEquals(List.of(1.0, 2.5), e.getArray("mixed"));
        assertEquals(new BigDecimal("3.140"), e.get("amount"));
    }

    @Test
    void toRecord_throwsDataException_whenNewListMixesTypes() {
        DataException e = assertThrows(DataException.class,
                () -> afterStep(record(ALL, all()), v -> v.put("labels", List.of(1L, "a"))));

        assertEquals("chain c, topic t partition 1 offset 9: expected values of one type in field 'labels',"
                + " found INT64 and STRING", e.getMessage());
    }

    @Test
    void toRecord_reusesDerivedSchema_forTheSameShapeOnly() {
        Schema a = afterStep(record(ALL, all()), v -> v.put("extra", 1L)).valueSchema();
        Schema b = afterStep(record(ALL, all()), v -> v.put("extra", "x")).valueSchema();
        Schema c = afterStep(record(ALL, all()), v -> v.put("extra", 2L)).valueSchema();

        assertSame(a, c);
        assertNotSame(a, b);
        assertSame(Schema.OPTIONAL_INT64_SCHEMA, a.field("extra").schema());
        assertSame(Schema.OPTIONAL_STRING_SCHEMA, b.field("extra").schema());
    }

    @Test
    void toRecord_keepsPrimitiveKeySchema_andRejectsAnotherType() {
        SinkRecord in = record(ALL, all());
        Message m = converter.toMessage(in);

        SinkRecord out = converter.toRecord(in, m, m.withKey(6L), "c");
        DataException e = assertThrows(DataException.class, () -> converter.toRecord(in, m, m.withKey("six"), "c"));

        assertSame(Schema.INT32_SCHEMA, out.keySchema());
        assertEquals(6, out.key());
        assertEquals("chain c, topic t partition 1 offset 9: expected an INT32 for the key, found String", e.getMessage());
    }

    @Test
    void toRecord_keepsHeaderSchemas_whereTheValueStillFits() {
        SinkRecord in = record(ALL, all());
        Message m = converter.toMessage(in);
        Message changed = m.withHeaders(m.headers().with("attempt", 2L).with("when", "later").with("score", 0.5));

        SinkRecord out = converter.toRecord(in, m, changed, "c");

        List<String> headers = new ArrayList<>();
        out.headers().forEach(h -> headers.add(h.key() + "=" + h.value() + ":" + h.schema().type()));
        assertEquals(List.of("attempt=2:INT32", "source=web:STRING", "when=later:STRING", "score=0.5:FLOAT64"), headers);
        assertSame(in.headers().lastWithName("source"), out.headers().lastWithName("source"));
        assertEquals(Integer.valueOf(2), out.headers().lastWithName("attempt").value());
    }
}
