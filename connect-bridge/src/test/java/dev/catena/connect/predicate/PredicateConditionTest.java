package dev.catena.connect.predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code when: {predicate: ...}}: Kafka's built-in predicates as chain conditions. */
class PredicateConditionTest {

    private static final String MARK = "  - {id: mark, set: {value.marked: true}, when: %s}\n";

    private static Chain chain(String when) {
        return ChainLoader.fromText("steps:\n" + MARK.formatted(when), "c.yaml", Path.of("."), HostOptions.DEFAULT);
    }

    private static Object marked(Chain chain, String topic) {
        Outcome o = chain.apply(Message.builder().topic(topic).value(Map.of("id", 1L)).build());
        return ((Map<?, ?>) assertInstanceOf(Outcome.Emitted.class, o).messages().get(0).value()).get("marked");
    }

    /** The 1-based column of {@code needle} on the step's line (line 2). */
    private static int column(String when, String needle) {
        return MARK.formatted(when).indexOf(needle) + 1;
    }

    private static List<String> problems(String when) {
        ChainLoadException e = assertThrows(ChainLoadException.class, () -> chain(when).close());
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void when_runsStep_onlyForTopicsTheTopicNameMatchesPredicateMatches() {
        try (Chain c = chain("{predicate: org.apache.kafka.connect.transforms.predicates.TopicNameMatches,"
                + " config: {pattern: \"orders.*\"}}")) {
            assertEquals(true, marked(c, "orders-eu"));
            assertEquals(null, marked(c, "payments"));
        }
    }

    @Test
    void when_invertsThePredicate_whenNegateIsTrue() {
        try (Chain c = chain("{predicate: org.apache.kafka.connect.transforms.predicates.TopicNameMatches,"
                + " config: {pattern: \"orders.*\"}, negate: true}")) {
            assertEquals(null, marked(c, "orders-eu"));
            assertEquals(true, marked(c, "payments"));
        }
    }

    @Test
    void when_matchesTombstones_withRecordIsTombstone() {
        try (Chain c = chain("{predicate: org.apache.kafka.connect.transforms.predicates.RecordIsTombstone}")) {
            Outcome o = c.apply(Message.builder().topic("t").value(null).build());

            assertEquals(Map.of("marked", true), assertInstanceOf(Outcome.Emitted.class, o).messages().get(0).value());
        }
    }

    @Test
    void load_reportsBadPatternAtItsSetting() {
        String when = "{predicate: org.apache.kafka.connect.transforms.predicates.TopicNameMatches, config: {pattern: \"[\"}}";
        List<String> p = problems(when);

        assertEquals(1, p.size());
        assertEquals("c.yaml:2:" + column(when, "\"[\"") + ": TopicNameMatches refuses its config: Invalid value [ for configuration pattern:",
                p.get(0).substring(0, p.get(0).indexOf("pattern:") + "pattern:".length()));
    }

    @Test
    void load_reportsUnknownKeys_andNegateThatIsNotABoolean() {
        String when = "{predicate: org.apache.kafka.connect.transforms.predicates.RecordIsTombstone, negate: maybe, invert: true}";
        List<String> p = problems(when);

        assertEquals(List.of(
                "c.yaml:2:" + column(when, "maybe") + ": 'negate' is true or false, found a string",
                "c.yaml:2:" + column(when, "invert") + ": unknown key 'invert' in a predicate condition; expected predicate, config, negate"), p);
    }

    @Test
    void load_reportsClassThatIsNotAPredicate() {
        String when = "{predicate: org.apache.kafka.connect.transforms.Filter}";
        List<String> p = problems(when);

        assertEquals(List.of("c.yaml:2:" + column(when, "org.") + ": org.apache.kafka.connect.transforms.Filter is not a Kafka Connect Predicate"
                + " (org.apache.kafka.connect.transforms.predicates.Predicate)"), p);
    }
}
