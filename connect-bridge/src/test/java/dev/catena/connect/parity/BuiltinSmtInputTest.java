package dev.catena.connect.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.connect.parity.Samples.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka's built-in transformations never change a schemaless key or value in place (they copy
 * the map before they change it): what lets {@code smt:} steps hand them the message's own maps
 * instead of deep copies. Run on every parity case and sample.
 */
class BuiltinSmtInputTest {
    record Run(SmtCase smt, Sample sample) {
        @Override
        public String toString() {
            return smt.name() + " " + sample;
        }
    }

    static Stream<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (SmtCase c : SmtCatalogue.all()) {
            for (Sample s : c.samples) {
                ConnectRecord<?> r = s.record(0);
                if (r.value() instanceof Map || r.key() instanceof Map || r.value() instanceof List) {
                    runs.add(new Run(c, s));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void apply_leavesTheInputsMapsAsTheyWere(Run run) {
        ConnectRecord<?> record = run.sample().record(0);
        Object key = containers(record.key());
        Object value = containers(record.value());

        run.smt().kafka(record);

        assertEquals(key, record.key(), "key changed in place");
        assertEquals(value, record.value(), "value changed in place");
    }

    @org.junit.jupiter.api.Test
    void runs_coverSchemalessSamples() {
        assertTrue(runs().count() >= 20, () -> "only " + runs().count() + " schemaless runs");
    }

    /** A copy of every map and list (leaves shared), to compare with equals afterwards. */
    private static Object containers(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, containers(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(containers(x)));
            return out;
        }
        return v;
    }
}
