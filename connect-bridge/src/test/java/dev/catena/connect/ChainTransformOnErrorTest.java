package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.connect.metrics.ChainMetrics.Result;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** on.error: what ChainTransform does with a record its chain failed on, including its own dead-letter topic. */
class ChainTransformOnErrorTest {
    private static final String FAILING = """
            chain: c
            steps:
              - {id: lookup, smt: dev.catena.connect.fixtures.FailingTransformation}
            """;

    /** The producers the transform asked for, each a Kafka MockProducer that acknowledges at once. */
    private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();
    private final List<Map<String, Object>> producerSettings = new ArrayList<>();

    private Producer<byte[], byte[]> newProducer(Map<String, Object> settings) {
        producerSettings.add(settings);
        MockProducer<byte[], byte[]> p = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        producers.add(p);
        return p;
    }

    private ChainTransform<SinkRecord> transform(String... settings) {
        ChainTransform<SinkRecord> t = new ChainTransform<>(this::newProducer);
        t.configure(InlineChains.props(FAILING, settings));
        return t;
    }

    private ChainTransform<SinkRecord> dlqTransform(String... more) {
        List<String> s = new ArrayList<>(List.of("on.error", "dlq", "dlq.topic", "orders-dlq",
                "dlq.bootstrap.servers", "broker-1:9092", "metrics.connector", "on-error-test"));
        s.addAll(List.of(more));
        return transform(s.toArray(String[]::new));
    }

    private static SinkRecord failing(long id) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("fail", true);
        return new SinkRecord("orders", 3, null, "o-" + id, null, v, 42L, 1_000L, null, List.of());
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ProducerRecord<byte[], byte[]> r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            out.put(h.key(), text(h.value()));
        }
        return out;
    }

    @Test
    void onErrorSkip_returnsTheRecordUnchanged_andCountsIt() {
        ChainTransform<SinkRecord> t = transform("on.error", "skip");
        try {
            SinkRecord in = failing(1);

            assertSame(in, t.apply(in));
            assertEquals(1, t.metrics().count(Result.SKIPPED));
            assertEquals(1, t.metrics().errors());
        } finally {
            t.close();
        }
    }

    @Test
    void onErrorDrop_returnsNull_andCountsIt() {
        ChainTransform<SinkRecord> t = transform("on.error", "drop");
        try {
            assertNull(t.apply(failing(1)));
            assertEquals(1, t.metrics().count(Result.ERROR_DROPPED));
        } finally {
            t.close();
        }
    }

    @Test
    void onErrorDlq_writesTheRecordWithErrorHeadersToTheTopic_andReturnsNull() {
        ChainTransform<SinkRecord> t = dlqTransform("dlq.producer.linger.ms", "5");
        try {
            assertNull(t.apply(failing(7)));

            ProducerRecord<byte[], byte[]> sent = producers.get(0).history().get(0);
            assertEquals("orders-dlq", sent.topic());
            assertEquals("\"o-7\"", text(sent.key()));
            assertEquals("{\"id\":7,\"fail\":true}", text(sent.value()));
            assertEquals(1_000L, sent.timestamp());
            Map<String, String> h = headers(sent);
            assertEquals("c", h.get("catena.error.chain"));
            assertEquals("lookup", h.get("catena.error.step"));
            assertEquals("bad-data", h.get("catena.error.class"));
            assertEquals("SMT FailingTransformation: cannot handle record 7", h.get("catena.error.message"));
            assertEquals("chain.inline:3:5", h.get("catena.error.location"));
            assertEquals("topic orders partition 3 offset 42", h.get("catena.error.record"));
            assertEquals("orders", h.get("catena.error.topic"));
            assertEquals("3", h.get("catena.error.partition"));
            assertEquals("42", h.get("catena.error.offset"));
            assertEquals(1, t.metrics().count(Result.DEAD_LETTERED));
            Map<String, Object> settings = producerSettings.get(0);
            assertEquals("broker-1:9092", settings.get("bootstrap.servers"));
            assertEquals("all", settings.get("acks"));
            assertEquals("5", settings.get("linger.ms"));
        } finally {
            t.close();
        }
        assertTrue(producers.get(0).closed());
    }

    @Test
    void onErrorDlq_createsNoProducer_untilARecordFails() {
        ChainTransform<SinkRecord> t = dlqTransform();
        try {
            t.apply(new SinkRecord("orders", 0, null, "o-1", null, Map.of("id", 1L), 1L));

            assertEquals(List.of(), producers);
        } finally {
            t.close();
        }
    }

    @Test
    void onErrorDlq_throwsRetriableException_whenTheDeadLetterCannotBeWritten() {
        ChainTransform<SinkRecord> t = new ChainTransform<>(settings -> {
            MockProducer<byte[], byte[]> p = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            p.sendException = new TimeoutException("Topic orders-dlq not present in metadata after 60000 ms.");
            return p;
        });
        t.configure(InlineChains.props(FAILING, "on.error", "dlq", "dlq.topic", "orders-dlq", "dlq.bootstrap.servers", "b:9092",
                "metrics.connector", "on-error-test"));
        try {
            RetriableException e = assertThrows(RetriableException.class, () -> t.apply(failing(7)));

            assertEquals("cannot write the failed record to dead-letter topic orders-dlq: org.apache.kafka.common.errors."
                    + "TimeoutException: Topic orders-dlq not present in metadata after 60000 ms.", e.getMessage());
            assertEquals(1, t.metrics().count(Result.THROWN));
            assertEquals(0, t.metrics().count(Result.DEAD_LETTERED));
        } finally {
            t.close();
        }
    }

    @Test
    void onErrorDlq_writesRecordsThatCannotBeRead_withTheirValueAsText() {
        ChainTransform<SinkRecord> t = dlqTransform();
        try {
            SinkRecord bad = new SinkRecord("orders", 0, null, null, Schema.INT32_SCHEMA, "not an int", 9L);

            assertNull(t.apply(bad));

            ProducerRecord<byte[], byte[]> sent = producers.get(0).history().get(0);
            assertNull(sent.key());
            assertEquals("\"not an int\"", text(sent.value()));
            assertEquals("(input)", headers(sent).get("catena.error.step"));
            assertTrue(headers(sent).get("catena.error.message").startsWith("cannot read the record: "), headers(sent).toString());
        } finally {
            t.close();
        }
    }

    @Test
    void onErrorDlq_coversSourceRecords_withoutAnOffsetHeader() {
        ChainTransform<SourceRecord> t = new ChainTransform<>(this::newProducer);
        t.configure(InlineChains.props(FAILING, "on.error", "dlq", "dlq.topic", "orders-dlq", "dlq.bootstrap.servers", "b:9092",
                "metrics.connector", "on-error-test"));
        try {
            Map<String, Object> v = new LinkedHashMap<>(Map.of("fail", true));
            assertNull(t.apply(new SourceRecord(Map.of(), Map.of(), "orders", null, null, null, null, v)));

            Map<String, String> h = headers(producers.get(0).history().get(0));
            assertEquals("orders", h.get("catena.error.topic"));
            assertEquals(false, h.containsKey("catena.error.offset"));
            assertEquals(false, h.containsKey("catena.error.partition"));
        } finally {
            t.close();
        }
    }

    @Test
    void configure_requiresDlqTopicAndServers_withOnErrorDlq() {
        ConfigException noTopic = assertThrows(ConfigException.class, () -> transform("on.error", "dlq"));
        ConfigException noServers = assertThrows(ConfigException.class, () -> transform("on.error", "dlq", "dlq.topic", "d"));

        assertEquals("Invalid value null for configuration dlq.topic: must name the dead-letter topic when on.error=dlq",
                noTopic.getMessage());
        assertEquals("Invalid value null for configuration dlq.bootstrap.servers: must name the dead-letter topic's cluster"
                + " (host:port,...) when on.error=dlq", noServers.getMessage());
    }

    @Test
    void configure_refusesDlqTopic_withoutOnErrorDlq() {
        ConfigException e = assertThrows(ConfigException.class, () -> transform("dlq.topic", "d"));

        assertEquals("Invalid value d for configuration dlq.topic: is only used with on.error=dlq, but on.error is fail",
                e.getMessage());
    }

    @Test
    void configure_checksDeadLetterProducerSettings_beforeAnyRecordFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> dlqTransform("dlq.producer.acks", "maybe"));

        assertTrue(e.getMessage().startsWith("Invalid value maybe for configuration acks"), e.getMessage());
    }

    @Test
    void configure_refusesUnknownOnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> transform("on.error", "retry"));

        assertTrue(e.getMessage().startsWith("Invalid value retry for configuration on.error"), e.getMessage());
    }

    @Test
    void onErrorFail_throwsTheOriginalDataException_whenARecordCannotBeRead() {
        ChainTransform<SinkRecord> t = transform();
        try {
            DataException e = assertThrows(DataException.class,
                    () -> t.apply(new SinkRecord("orders", 0, null, null, Schema.INT32_SCHEMA, "x", 9L)));

            assertTrue(e.getMessage().startsWith("cannot read the record (topic orders partition 0 offset 9): "), e.getMessage());
            assertInstanceOf(DataException.class, e);
        } finally {
            t.close();
        }
    }

    @Test
    void deadLetterBytes_areUtf8Json() {
        assertArrayEquals("\"ü\"".getBytes(StandardCharsets.UTF_8),
                dev.catena.connect.dlq.DeadLetterRecord.of("d", dev.catena.bindings.Message.builder().value("ü").build(),
                        new SinkRecord("t", 0, null, null, null, "ü", 0L)).value());
    }
}
