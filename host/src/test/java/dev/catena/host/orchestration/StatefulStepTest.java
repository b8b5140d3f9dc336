package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.envelope;
import static dev.catena.host.orchestration.Fixtures.json;
import static dev.catena.host.orchestration.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.Outcome;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.sandbox.Sandbox;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code aggregate} and {@code correlate} in the standalone host: absorb, release on drain, flush at end of input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatefulStepTest {
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private Chain chain(String yaml) {
        return ChainLoader.fromText(yaml, "stateful.yaml", BASE, OPTIONS, sandbox);
    }

    private static Message order(int line, String customer, long timestamp) {
        return envelope(line, "{\"key\": \"o" + line + "\", \"topic\": \"orders\", \"timestamp\": " + timestamp
                + ", \"value\": {\"customer\": \"" + customer + "\", \"line\": " + line + "}}");
    }

    @Test
    void aggregateByCount_releasesGroupAtCount_andTheRestAtFlush() {
        String yaml = """
                steps:
                  - id: batch
                    aggregate: {key: value.customer, count: 2}
                  - {id: tag, set: {headers.batched: done}}
                """;
        try (Chain c = chain(yaml)) {
            assertEquals(List.of("batch"), c.statefulSteps());
            assertEquals(new Outcome.Absorbed("batch"), c.apply(order(1, "c1", 10)));
            assertEquals(new Outcome.Absorbed("batch"), c.apply(order(2, "c2", 20)));
            assertEquals(List.of(), c.drain());
            assertEquals(new Outcome.Absorbed("batch"), c.apply(order(3, "c1", 30)));
            List<Outcome> released = c.drain();
            assertEquals(1, released.size());
            Message c1 = only(released.get(0));
            assertEquals("c1", c1.key());
            assertEquals(json("{\"key\": \"c1\", \"count\": 2, \"items\": [{\"customer\": \"c1\", \"line\": 1},"
                    + " {\"customer\": \"c1\", \"line\": 3}]}"), c1.value());
            assertEquals("done", c1.headers().get("batched"), "released records run the rest of the chain");
            assertEquals("orders", c1.topic());
            c.apply(order(4, "c3", 40));
            List<Outcome> rest = c.flush();
            assertEquals(2, rest.size());
            assertEquals(json("{\"key\": \"c2\", \"count\": 1, \"items\": [{\"customer\": \"c2\", \"line\": 2}]}"), only(rest.get(0)).value());
            assertEquals(json("{\"key\": \"c3\", \"count\": 1, \"items\": [{\"customer\": \"c3\", \"line\": 4}]}"), only(rest.get(1)).value());
            assertEquals(4, c.stats().in());
            assertEquals(4, c.stats().absorbed());
            assertEquals(3, c.stats().released());
            assertEquals(3, c.stats().emittedInputs());
            assertBalanced(c);
        }
    }

    @Test
    void aggregateByWindow_closesWindow_whenALaterRecordPassesItsEnd() {
        String yaml = """
                steps:
                  - id: per-10s
                    aggregate: {key: value.customer, window: 10s}
                """;
        try (Chain c = chain(yaml)) {
            c.apply(order(1, "c1", 1_000));
            c.apply(order(2, "c1", 9_999));
            c.apply(order(3, "c2", 5_000));
            assertEquals(List.of(), c.drain(), "no record has reached 10 s yet");
            c.apply(order(4, "c1", 10_000));
            List<Outcome> closed = c.drain();
            assertEquals(2, closed.size(), "the record at 10 s closes both groups of [0, 10 s)");
            Message c1 = only(closed.get(0));
            assertEquals(json("{\"key\": \"c1\", \"count\": 2, \"items\": [{\"customer\": \"c1\", \"line\": 1},"
                    + " {\"customer\": \"c1\", \"line\": 2}], \"window\": {\"start\": 0, \"end\": 10000}}"), c1.value());
            assertEquals(10_000L, c1.timestamp());
            assertEquals(json("{\"key\": \"c2\", \"count\": 1, \"items\": [{\"customer\": \"c2\", \"line\": 3}],"
                    + " \"window\": {\"start\": 0, \"end\": 10000}}"), only(closed.get(1)).value());
            List<Outcome> rest = c.flush();
            assertEquals(1, rest.size());
            assertEquals(json("{\"key\": \"c1\", \"count\": 1, \"items\": [{\"customer\": \"c1\", \"line\": 4}],"
                    + " \"window\": {\"start\": 10000, \"end\": 20000}}"), only(rest.get(0)).value());
            assertBalanced(c);
        }
    }

    private static Message event(int line, String type, String orderId, long timestamp) {
        return envelope(line, "{\"key\": \"e" + line + "\", \"topic\": \"events\", \"timestamp\": " + timestamp
                + ", \"value\": {\"type\": \"" + type + "\", \"order_id\": \"" + orderId + "\"}}");
    }

    private static final String CORRELATE = """
            steps:
              - id: pair
                correlate:
                  key: value.order_id
                  left: {field: value.type, equals: order}
                  right: {field: value.type, equals: payment}
                  window: 5m
                  as: [order, payment]
              - {id: after, set: {headers.seen: yes-seen}}
            """;

    @Test
    void correlate_pairsLeftAndRight_ofOneKey_withinWindow() {
        try (Chain c = chain(CORRELATE)) {
            c.apply(event(1, "payment", "o1", 60_000));
            c.apply(event(2, "order", "o2", 61_000));
            c.apply(event(3, "order", "o1", 120_000));
            List<Outcome> matched = c.drain();
            assertEquals(1, matched.size());
            Message m = only(matched.get(0));
            assertEquals("o1", m.key());
            assertEquals(json("{\"order\": {\"type\": \"order\", \"order_id\": \"o1\"},"
                    + " \"payment\": {\"type\": \"payment\", \"order_id\": \"o1\"}}"), m.value());
            assertEquals(120_000L, m.timestamp());
            assertEquals("yes-seen", m.headers().get("seen"));
            assertNull(m.headers().get("catena.correlate"));

            c.apply(event(4, "refund", "o2", 130_000));
            Message passed = only(c.drain().get(0));
            assertEquals(json("{\"type\": \"refund\", \"order_id\": \"o2\"}"), passed.value(), "neither kind passes on untouched");

            List<Outcome> unmatched = c.flush();
            assertEquals(1, unmatched.size());
            Message o2 = only(unmatched.get(0));
            assertEquals("unmatched", o2.headers().get("catena.correlate"));
            assertEquals(json("{\"type\": \"order\", \"order_id\": \"o2\"}"), o2.value());
            assertEquals(4, c.stats().absorbed());
            assertEquals(3, c.stats().released());
            assertBalanced(c);
        }
    }

    @Test
    void correlate_releasesUnmatched_whenPartnerComesAfterWindow() {
        try (Chain c = chain(CORRELATE)) {
            c.apply(event(1, "order", "o5", 0));
            c.apply(event(2, "payment", "o5", 300_001));
            List<Outcome> expired = c.drain();
            assertEquals(1, expired.size(), "the order's window passed: released alone");
            Message order = only(expired.get(0));
            assertEquals("unmatched", order.headers().get("catena.correlate"));
            assertEquals("order", ((java.util.Map<?, ?>) order.value()).get("type"));
            List<Outcome> rest = c.flush();
            assertEquals(1, rest.size());
            assertEquals("unmatched", only(rest.get(0)).headers().get("catena.correlate"));
            assertEquals("payment", ((java.util.Map<?, ?>) only(rest.get(0)).value()).get("type"));
            assertBalanced(c);
        }
    }

    /**
     * Chain-level {@code on-error: skip} wraps every step in its policy; an aggregate wrapped so
     * must still aggregate (or the chain be refused at load), never throw out of {@code apply}.
     */
    @Test
    void aggregate_underChainDefaultOnError_stillAbsorbs() {
        String yaml = """
                on-error: skip
                steps:
                  - id: batch
                    aggregate: {key: value.customer, count: 2}
                """;
        assertAbsorbsOrIsRefused(yaml);
    }

    /** A {@code when:} on an aggregate: records it holds for go in, the others pass on (or the chain is refused at load). */
    @Test
    void aggregate_withWhen_stillAbsorbs() {
        String yaml = """
                steps:
                  - id: batch
                    aggregate: {key: value.customer, count: 2}
                    when: {field: value.customer, exists: true}
                """;
        assertAbsorbsOrIsRefused(yaml);
    }

    private void assertAbsorbsOrIsRefused(String yaml) {
        Chain c;
        try {
            c = chain(yaml);
        } catch (ChainLoadException e) {
            assertEquals(1, e.problems().size(), e.getMessage());
            assertEquals("stateful.yaml", e.problems().get(0).file(), e.getMessage());
            assertTrue(e.problems().get(0).line() > 0, e.getMessage());
            return;
        }
        try (c) {
            Outcome o = c.apply(order(1, "c1", 10));
            assertInstanceOf(Outcome.Absorbed.class, o);
            c.apply(order(2, "c1", 20));
            assertEquals(1, c.drain().size());
            assertBalanced(c);
        }
    }
}
