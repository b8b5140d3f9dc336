package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.decisions;
import static dev.catena.host.orchestration.Fixtures.only;
import static dev.catena.host.orchestration.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.exec.Trace;
import dev.catena.sandbox.Sandbox;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/** {@code chain.apply(msg, trace)} records each decision: branch taken, case, retry attempt, cache hit or miss. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceTest {
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private static final String CHAIN = """
            chain: traced
            steps:
              - id: route
                if: {field: value.n, gt: 1}
                then: [{id: big, set: {value.size: big}}]
                else: [{id: small, set: {value.size: small}}]
              - id: kind
                switch: value.kind
                cases:
                  a: [{id: is-a, set: {value.went: a}}]
                default: [{id: not-a, set: {value.went: other}}]
              - id: flaky
                js: steps/flaky.js
                params: {succeed_at: 2}
                retry: {on: [script-error], attempts: 3, backoff: 10ms}
              - id: price
                js: steps/price.js
                pure: true
                memoize: {key: value.sku}
              - id: quiet
                set: {value.quiet: true}
                when: {header: verbose, exists: true}
            """;

    @Test
    void trace_recordsBranchCaseRetryAndCacheDecisions(TestInfo info) {
        FakeClock clock = new FakeClock(1_000L);
        String run = info.getDisplayName();
        try (Chain c = ChainLoader.fromText(CHAIN, "traced.yaml", BASE, OPTIONS.withClock(clock, clock), sandbox)) {
            Trace first = new Trace();
            only(c.apply(record(1, "{\"run\": \"" + run + "\", \"n\": 5, \"kind\": \"a\", \"sku\": \"AB\"}"), first));
            assertEquals(List.of(
                    "route: then (value.n gt 1)",
                    "big: set [value.size]",
                    "kind: case a",
                    "is-a: set [value.went]",
                    "flaky: retry attempt 2 (script-error)",
                    "flaky: ran",
                    "price: ran",
                    "price: cache miss (\"AB\"), stored",
                    "quiet: skipped (when headers.verbose exists is false)"), decisions(first));

            Trace second = new Trace();
            only(c.apply(record(2, "{\"run\": \"" + run + "\", \"n\": 0, \"kind\": \"b\", \"sku\": \"AB\"}"), second));
            assertEquals(List.of(
                    "route: else",
                    "small: set [value.size]",
                    "kind: default (value.kind = b)",
                    "not-a: set [value.went]",
                    "flaky: ran",
                    "price: cache hit (\"AB\")",
                    "quiet: skipped (when headers.verbose exists is false)"), decisions(second));
            assertEquals(List.of(10L), clock.sleptMillis());
            assertBalanced(c);
        }
    }

    @Test
    void trace_nestsCalledChainsOneLevelDeeper() {
        String yaml = """
                steps:
                  - {id: sub, call: targets/a.yaml}
                """;
        try (Chain c = ChainLoader.fromText(yaml, "traced.yaml", BASE, OPTIONS, sandbox)) {
            Trace t = new Trace();
            only(c.apply(record(1, "{\"n\": 1}"), t));
            assertEquals(List.of("sub: call targets/a.yaml", "went-a: set [value.went]"), decisions(t));
            assertEquals(List.of(0, 1), t.events().stream().map(Trace.Event::depth).toList());
            assertBalanced(c);
        }
    }
}
