package dev.catena.connect.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/** Asserts that Catena's outcome for a record is exactly Kafka's. */
final class RecordAssert {
    private RecordAssert() {
    }

    static void assertSameOutcome(String run, Outcome kafka, Outcome catena) {
        if (kafka instanceof Outcome.Failed) {
            if (!(catena instanceof Outcome.Failed)) {
                fail(run + ": Kafka's SMT failed (" + kafka + ") but Catena's step did not: " + catena);
            }
            return;
        }
        if (catena instanceof Outcome.Failed f) {
            throw new AssertionError(run + ": Kafka's SMT gave " + kafka + " but Catena's step failed: " + f.error().getMessage(), f.error());
        }
        if (kafka instanceof Outcome.Dropped || catena instanceof Outcome.Dropped) {
            assertEquals(kafka.getClass(), catena.getClass(), () -> run + ": Kafka: " + kafka + ", Catena: " + catena);
            return;
        }
        Map<String, String> diffs = differences(kafka.record(), catena.record());
        if (!diffs.isEmpty()) {
            fail(run + ": Catena's record differs from Kafka's:\n  " + String.join("\n  ", diffs.values()));
        }
    }

    /** Each part of the two records that differs (topic, key, value schema, ...), with "part: kafka=... catena=...". */
    static Map<String, String> differences(ConnectRecord<?> k, ConnectRecord<?> c) {
        Map<String, String> d = new LinkedHashMap<>();
        check(d, "topic", k.topic(), c.topic());
        check(d, "partition", k.kafkaPartition(), c.kafkaPartition());
        check(d, "timestamp", k.timestamp(), c.timestamp());
        if (!Objects.equals(k.keySchema(), c.keySchema())) {
            d.put("key schema", "key schema: kafka=" + ConnectData.show(k.keySchema()) + " catena=" + ConnectData.show(c.keySchema()));
        }
        if (!ConnectData.same(k.key(), c.key())) {
            d.put("key", "key: kafka=" + ConnectData.show(k.key()) + " catena=" + ConnectData.show(c.key()));
        }
        if (!Objects.equals(k.valueSchema(), c.valueSchema())) {
            d.put("value schema", "value schema: kafka=" + ConnectData.show(k.valueSchema()) + " catena=" + ConnectData.show(c.valueSchema()));
        }
        if (!ConnectData.same(k.value(), c.value())) {
            d.put("value", "value: kafka=" + ConnectData.show(k.value()) + " catena=" + ConnectData.show(c.value()));
        }
        if (!ConnectData.sameHeaders(k.headers(), c.headers())) {
            d.put("headers", "headers: kafka=" + ConnectData.show(k.headers()) + " catena=" + ConnectData.show(c.headers()));
        }
        if (k instanceof SinkRecord ks && c instanceof SinkRecord cs) {
            check(d, "offset", ks.kafkaOffset(), cs.kafkaOffset());
            check(d, "timestamp type", ks.timestampType(), cs.timestampType());
            check(d, "original topic", ks.originalTopic(), cs.originalTopic());
        } else if (k instanceof SourceRecord ks && c instanceof SourceRecord cs) {
            check(d, "source partition", ks.sourcePartition(), cs.sourcePartition());
            check(d, "source offset", ks.sourceOffset(), cs.sourceOffset());
        } else {
            d.put("record class", "record class: kafka=" + k.getClass().getSimpleName() + " catena=" + c.getClass().getSimpleName());
        }
        return d;
    }

    private static void check(Map<String, String> d, String part, Object k, Object c) {
        if (!Objects.equals(k, c)) {
            d.put(part, part + ": kafka=" + k + " catena=" + c);
        }
    }
}
