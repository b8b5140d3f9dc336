package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

/** ChainPredicate: a Catena condition answering Connect's Predicate.test. */
class ChainPredicateTest {

    private static ChainPredicate<SinkRecord> predicate(String condition) {
        ChainPredicate<SinkRecord> p = new ChainPredicate<>();
        p.configure(Map.of("condition", condition));
        return p;
    }

    private static SinkRecord order(Object value) {
        ConnectHeaders h = new ConnectHeaders();
        h.addString("source", "web");
        return new SinkRecord("orders", 0, null, "o-1", null, value, 5L, null, null, h);
    }

    @Test
    void test_isTrue_exactlyWhenTheFieldConditionHolds() {
        try (ChainPredicate<SinkRecord> p = predicate("{field: value.amount, gt: 100}")) {
            assertTrue(p.test(order(Map.of("amount", 150L))));
            assertFalse(p.test(order(Map.of("amount", 50L))));
            assertFalse(p.test(order(Map.of("other", 1L))));
        }
    }

    @Test
    void test_evaluatesBlockYamlConditions_spanningLines() {
        try (ChainPredicate<SinkRecord> p = predicate("""
                all:
                  - {header: source, equals: web}
                  - {field: value.tier, in: [gold, silver]}
                """)) {
            assertTrue(p.test(order(Map.of("tier", "gold"))));
            assertFalse(p.test(order(Map.of("tier", "bronze"))));
        }
    }

    @Test
    void test_evaluatesJavaScriptExpressions() {
        try (ChainPredicate<SinkRecord> p = predicate("{js: \"msg.value.lines.length > 1\"}")) {
            assertTrue(p.test(order(Map.of("lines", List.of(1L, 2L)))));
            assertFalse(p.test(order(Map.of("lines", List.of(1L)))));
        }
    }

    @Test
    void test_isConstant_whenTheConditionIsALiteral() {
        try (ChainPredicate<SinkRecord> yes = predicate("true"); ChainPredicate<SinkRecord> no = predicate("false")) {
            assertTrue(yes.test(order(Map.of())));
            assertFalse(no.test(order(Map.of())));
        }
    }

    @Test
    void test_throwsDataException_whenTheExpressionThrows() {
        try (ChainPredicate<SinkRecord> p = predicate("{js: \"msg.value.lines.length > 1\"}")) {
            DataException e = assertThrows(DataException.class, () -> p.test(order(Map.of("id", 1L))));

            assertEquals(ErrorClass.SCRIPT_ERROR, assertInstanceOf(StepFailure.class, e.getCause()).errorClass());
            assertTrue(e.getMessage().contains("topic orders partition 0 offset 5"), e.getMessage());
        }
    }

    @Test
    void configure_reportsProblemsAtTheirLineAndColumnInTheCondition() {
        ChainPredicate<SinkRecord> p = new ChainPredicate<>();

        ConfigException e = assertThrows(ConfigException.class,
                () -> p.configure(Map.of("condition", "any:\n  - {field: value.email, matches: \"[\"}")));

        assertTrue(e.getMessage().startsWith("Invalid value any:"), e.getMessage());
        assertTrue(e.getMessage().contains("must be a condition that compiles; 1 problem:\n  condition:2:35: invalid regular expression"), e.getMessage());
    }

    @Test
    void configure_reportsYamlSyntaxErrors() {
        ChainPredicate<SinkRecord> p = new ChainPredicate<>();

        ConfigException e = assertThrows(ConfigException.class, () -> p.configure(Map.of("condition", "{field: value.x, gt: [")));

        assertTrue(e.getMessage().contains("must be a condition in YAML; 1 problem:\n  condition:1:"), e.getMessage());
    }

    @Test
    void configure_requiresACondition() {
        ChainPredicate<SinkRecord> p = new ChainPredicate<>();

        ConfigException e = assertThrows(ConfigException.class, () -> p.configure(Map.of()));

        assertEquals("Missing required configuration \"condition\" which has no default value.", e.getMessage());
    }

    @Test
    @SuppressWarnings("rawtypes") // Predicate's type parameter cannot be named in a class literal
    void serviceLoader_findsChainPredicate() {
        List<String> found = new ArrayList<>();
        ServiceLoader.load(Predicate.class).stream().map(p -> p.type().getName())
                .filter(n -> n.startsWith("dev.catena.")).forEach(found::add);

        assertEquals(List.of(ChainPredicate.class.getName()), found);
    }

    @Test
    void version_isTheTransformsVersion() {
        assertEquals(new ChainTransform<SinkRecord>().version(), new ChainPredicate<SinkRecord>().version());
    }
}
