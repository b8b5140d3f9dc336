package dev.catena.connect.migrate;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.connect.ChainTransform;
import dev.catena.connect.MessageRecords;
import dev.catena.connect.migrate.SampleRecords.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Runs sample records through a connector's transforms ({@link SmtPipeline}) and through the
 * migrated chain ({@link ChainTransform}) and compares what comes out: topic, partition,
 * timestamp, key and value with their schemas, and headers, each in Catena's neutral form (so a
 * Struct and a map of the same fields are not equal, but two Structs with equal content are).
 * Two records that both failed, or were both dropped, are equal.
 */
final class ParityCheck {
    private static final JsonCodec JSON = new JsonCodec();
    private final MessageRecords records = new MessageRecords();

    /**
     * @param compared    how many records were run
     * @param equal       how many came out the same
     * @param differences one entry per differing record: its origin and, per part, both versions
     * @param notes       records that failed both ways (equal, but worth knowing)
     */
    record Report(int compared, int equal, List<String> differences, List<String> notes) {
        boolean parity() {
            return differences.isEmpty();
        }

        String render() {
            StringBuilder b = new StringBuilder("catena migrate: parity on ").append(compared).append(" records: ")
                    .append(equal).append(" equal, ").append(differences.size()).append(" differ\n");
            differences.forEach(d -> b.append(d).append('\n'));
            notes.forEach(n -> b.append(n).append('\n'));
            return b.toString();
        }
    }

    private record Result(ConnectRecord<?> record, RuntimeException failure) {
        String describe() {
            return failure != null ? "failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                    : record == null ? "dropped" : "a record";
        }
    }

    Report run(SmtPipeline smts, ChainTransform<SinkRecord> chain, List<Sample> samples) {
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Sample s : samples) {
            Result expected = attempt(() -> smts.apply(s.record()));
            Result actual = attempt(() -> chain.apply(s.record()));
            String where = s.origin() + " (" + records.toMessage(s.record()).describe() + ")";
            if (expected.failure() != null && actual.failure() != null) {
                notes.add(where + ": failed both ways\n  SMTs:  " + expected.describe() + "\n  chain: " + actual.describe());
            } else if (expected.failure() != null || actual.failure() != null
                    || (expected.record() == null) != (actual.record() == null)) {
                differences.add(where + ": differs\n  SMTs:  " + expected.describe() + "\n  chain: " + actual.describe());
            } else if (expected.record() != null) {
                List<String> parts = diff(records.toMessage(expected.record()), records.toMessage(actual.record()),
                        expected.record(), actual.record());
                if (!parts.isEmpty()) {
                    differences.add(where + ": differs\n" + String.join("\n", parts));
                }
            }
        }
        return new Report(samples.size(), samples.size() - differences.size(), differences, notes);
    }

    private interface Run {
        ConnectRecord<?> get();
    }

    private static Result attempt(Run run) {
        try {
            return new Result(run.get(), null);
        } catch (RuntimeException e) {
            return new Result(null, e);
        }
    }

    private static List<String> diff(Message e, Message a, ConnectRecord<?> er, ConnectRecord<?> ar) {
        List<String> parts = new ArrayList<>();
        part(parts, "topic", e.topic(), a.topic(), Objects.equals(e.topic(), a.topic()));
        part(parts, "partition", er.kafkaPartition(), ar.kafkaPartition(), Objects.equals(er.kafkaPartition(), ar.kafkaPartition()));
        part(parts, "timestamp", e.timestamp(), a.timestamp(), Objects.equals(e.timestamp(), a.timestamp()));
        part(parts, "key schema", e.keySchema(), a.keySchema(), Objects.equals(e.keySchema(), a.keySchema()));
        part(parts, "key", json(e.key()), json(a.key()), Values.deepEquals(e.key(), a.key()));
        part(parts, "value schema", e.valueSchema(), a.valueSchema(), Objects.equals(e.valueSchema(), a.valueSchema()));
        part(parts, "value", json(e.value()), json(a.value()), Values.deepEquals(e.value(), a.value()));
        part(parts, "headers", e.headers(), a.headers(), e.headers().sameContent(a.headers()));
        return parts;
    }

    private static void part(List<String> parts, String name, Object expected, Object actual, boolean same) {
        if (!same) {
            parts.add("  " + name + ":\n    SMTs:  " + expected + "\n    chain: " + actual);
        }
    }

    private static String json(Object neutral) {
        return JSON.encodeValue(neutral);
    }
}
