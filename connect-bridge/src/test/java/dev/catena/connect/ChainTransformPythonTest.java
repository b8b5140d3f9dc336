package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Python steps behind a JavaScript condition (chains/risk.yaml). One transform for the class:
 * a Python context takes seconds to create.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainTransformPythonTest {
    static final Schema PAYMENT = SchemaBuilder.struct().name("dev.catena.test.Payment").version(1)
            .field("id", Schema.INT64_SCHEMA)
            .field("amount", Schema.FLOAT64_SCHEMA)
            .build();

    private final ChainTransform<SinkRecord> transform = TestChains.transform("risk.yaml");

    @AfterAll
    void close() {
        transform.close();
    }

    private static SinkRecord record(Schema schema, Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("source", "web");
        return new SinkRecord("payments", 0, null, null, schema, value, 5L, null, null, headers);
    }

    @Test
    void apply_scoresLargeSchemalessRecord_withParamsAndHeaders() {
        SinkRecord out = transform.apply(record(null, Map.of("id", 1, "amount", 5000)));

        assertEquals(Map.of("id", 1L, "amount", 5000L, "risk", "high"), out.value());
        assertEquals("py:web", out.headers().lastWithName("scored-by").value());
        assertSame(Schema.STRING_SCHEMA, out.headers().lastWithName("scored-by").schema());
    }

    @Test
    void apply_skipsStep_whenConditionIsFalse() {
        SinkRecord in = record(null, Map.of("id", 2, "amount", 50));

        SinkRecord out = transform.apply(in);

        assertSame(in.value(), out.value());
        assertNull(out.headers().lastWithName("scored-by"));
    }

    @Test
    void apply_returnsNull_whenPythonStepReturnsNone() {
        assertNull(transform.apply(record(null, Map.of("id", 3, "amount", 500, "cancelled", true))));
    }

    @Test
    void apply_addsOptionalStringField_whenPythonStepAddsOneToAStruct() {
        SinkRecord out = transform.apply(record(PAYMENT, new Struct(PAYMENT).put("id", 4L).put("amount", 250.0)));

        Schema schema = out.valueSchema();
        assertEquals(List.of("id", "amount", "risk"), schema.fields().stream().map(Field::name).toList());
        assertEquals("dev.catena.test.Payment", schema.name());
        assertSame(Schema.OPTIONAL_STRING_SCHEMA, schema.field("risk").schema());
        assertEquals(new Struct(schema).put("id", 4L).put("amount", 250.0).put("risk", "low"), out.value());
        assertFalse(out.headers().isEmpty());
    }
}
