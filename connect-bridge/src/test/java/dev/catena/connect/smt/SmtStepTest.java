package dev.catena.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.connect.ChainTransform;
import dev.catena.connect.InlineChains;
import dev.catena.connect.fixtures.CloseCountingTransformation;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.ErrorClass;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.StepFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** {@code smt:} steps running Kafka's built-in transformations inside ChainTransform and in a plain chain. */
class SmtStepTest {
    static final long DAY = 1_764_806_400_000L; // 2025-12-04T00:00:00Z
    static final Schema ORDER = SchemaBuilder.struct().name("dev.catena.test.Order").version(2)
            .field("id", Schema.INT64_SCHEMA)
            .field("card", Schema.STRING_SCHEMA)
            .field("amount", Schema.FLOAT64_SCHEMA)
            .build();

    private static SinkRecord schemaless(String topic, Object value, ConnectHeaders headers) {
        return new SinkRecord(topic, 0, null, "o-1", null, value, 7L, DAY, TimestampType.CREATE_TIME, headers);
    }

    private static SinkRecord schemaless(Object value) {
        return schemaless("orders", value, new ConnectHeaders());
    }

    @Test
    void smtStep_insertsStaticField_intoSchemalessValue() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - id: add-source
                    smt: org.apache.kafka.connect.transforms.InsertField$Value
                    config: {static.field: source, static.value: web}
                """);
        try {
            SinkRecord out = t.apply(schemaless(Map.of("id", 1L)));

            assertEquals(Map.of("id", 1L, "source", "web"), out.value());
            assertEquals("o-1", out.key());
            assertEquals("orders", out.topic());
            assertEquals(7L, out.kafkaOffset());
        } finally {
            t.close();
        }
    }

    @Test
    void smtStep_keepsStructAndSchemaNames_whenReplaceFieldExcludesAField() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - {id: hide-card, smt: org.apache.kafka.connect.transforms.ReplaceField$Value, config: {exclude: [card]}}
                """);
        try {
            Struct order = new Struct(ORDER).put("id", 4L).put("card", "4111").put("amount", 9.5);
            SinkRecord out = t.apply(new SinkRecord("orders", 0, Schema.STRING_SCHEMA, "o-4", ORDER, order, 3L));

            Struct value = assertInstanceOf(Struct.class, out.value());
            assertEquals(List.of("id", "amount"), out.valueSchema().fields().stream().map(Field::name).toList());
            assertEquals("dev.catena.test.Order", out.valueSchema().name());
            assertEquals(4L, value.get("id"));
            assertEquals(9.5, value.get("amount"));
            assertSame(Schema.STRING_SCHEMA, out.keySchema());
        } finally {
            t.close();
        }
    }

    @Test
    void smtStep_routesRecord_whenTimestampRouterRenamesTopic() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - id: route
                    smt: org.apache.kafka.connect.transforms.TimestampRouter
                    config: {topic.format: "${topic}-${timestamp}", timestamp.format: yyyyMMdd}
                """);
        try {
            assertEquals("orders-20251204", t.apply(schemaless(Map.of("id", 1L))).topic());
        } finally {
            t.close();
        }
    }

    @Test
    void smtStep_dropsRecord_whenFilterRunsUnderHasHeaderKeyPredicate() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - id: drop-tests
                    smt: org.apache.kafka.connect.transforms.Filter
                    when: {predicate: org.apache.kafka.connect.transforms.predicates.HasHeaderKey, config: {name: test}}
                """);
        try {
            ConnectHeaders test = new ConnectHeaders();
            test.addString("test", "yes");

            assertNull(t.apply(schemaless("orders", Map.of("id", 1L), test)));
            assertEquals(Map.of("id", 2L), t.apply(schemaless(Map.of("id", 2L))).value());
        } finally {
            t.close();
        }
    }

    @Test
    void smtStep_runsInAPlainChain_onMessagesWithoutOffset() {
        String yaml = """
                chain: c
                steps:
                  - {id: add, smt: org.apache.kafka.connect.transforms.InsertField$Value, config: {static.field: n, static.value: "1"}}
                  - {id: key, smt: org.apache.kafka.connect.transforms.ValueToKey, config: {fields: id}}
                """;
        try (Chain chain = ChainLoader.fromText(yaml, "c.yaml", Path.of("."), HostOptions.DEFAULT)) {
            Message in = Message.builder().topic("t").value(Map.of("id", 5L)).origin("input line 1").build();

            Outcome out = chain.apply(in);

            Message m = assertInstanceOf(Outcome.Emitted.class, out).messages().get(0);
            assertEquals(Map.of("id", 5L, "n", "1"), m.value());
            assertEquals(Map.of("id", 5L), m.key());
            assertNull(m.offset());
            assertEquals("input line 1", m.origin());
        }
    }

    @Test
    void apply_throwsDataExceptionNamingStepAndChainLine_whenSmtRejectsTheRecord() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - id: add
                    smt: org.apache.kafka.connect.transforms.InsertField$Value
                    config: {static.field: source, static.value: web}
                """);
        try {
            DataException e = assertThrows(DataException.class, () -> t.apply(schemaless("not a map")));

            StepFailure f = assertInstanceOf(StepFailure.class, e.getCause());
            assertEquals(ErrorClass.BAD_DATA, f.errorClass());
            assertTrue(e.getMessage().startsWith("chain c, step add (chain.inline:3:5), topic orders partition 0 offset 7:"
                    + " SMT InsertField$Value: Only Map objects supported"), e.getMessage());
        } finally {
            t.close();
        }
    }

    @Test
    void apply_throwsRetriableException_whenSmtThrowsRetriable() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - {id: lookup, smt: dev.catena.connect.fixtures.FailingTransformation, config: {exception: retriable}}
                """);
        try {
            RetriableException e = assertThrows(RetriableException.class, () -> t.apply(schemaless(Map.of("fail", true))));

            assertEquals(ErrorClass.DEPENDENCY_FAILURE, assertInstanceOf(StepFailure.class, e.getCause()).errorClass());
            assertTrue(e.getMessage().endsWith("SMT FailingTransformation: lookup service unavailable"), e.getMessage());
        } finally {
            t.close();
        }
    }

    @Test
    void apply_throwsDataExceptionOfClassScriptError_whenSmtThrowsAnythingElse() {
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - {id: odd, smt: dev.catena.connect.fixtures.FailingTransformation, config: {exception: state}}
                """);
        try {
            DataException e = assertThrows(DataException.class, () -> t.apply(schemaless(Map.of("fail", true))));

            assertEquals(ErrorClass.SCRIPT_ERROR, assertInstanceOf(StepFailure.class, e.getCause()).errorClass());
            assertTrue(e.getMessage().endsWith("SMT FailingTransformation threw java.lang.IllegalStateException: lost its mind"),
                    e.getMessage());
        } finally {
            t.close();
        }
    }

    @Test
    void close_closesEverySmtOfTheChain() {
        int closedBefore = CloseCountingTransformation.CLOSED.get();
        ChainTransform<SinkRecord> t = InlineChains.transform("""
                chain: c
                steps:
                  - {id: a, smt: dev.catena.connect.fixtures.CloseCountingTransformation}
                  - {id: b, smt: dev.catena.connect.fixtures.CloseCountingTransformation}
                """);

        t.close();

        assertEquals(closedBefore + 2, CloseCountingTransformation.CLOSED.get());
    }
}
