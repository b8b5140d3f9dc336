package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.Outcome;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.Sandbox;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Spec validation: every problem of a chain reported at once, each at its file:line:column. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationTest {
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private List<String> problems(String yaml) {
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.fromText(yaml, "v.yaml", BASE, OPTIONS, sandbox).close());
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void load_reportsEveryStepProblemAtOnce_inFileOrder() {
        String f = BASE.resolve("invalid/broken.yaml").toString();
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.load(BASE.resolve("invalid/broken.yaml"), OPTIONS, sandbox).close());
        List<String> got = e.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                f + ":5:5: duplicate step id 'first'",
                f + ":7:9: 'id' must be a non-empty string",
                f + ":9:5: a step needs one of [aggregate, branch, call, correlate, dispatch, drop, foreach, if, js, lib, noop,"
                        + " parallel, py, set, switch, while]",
                f + ":10:5: unknown step key 'jss'; did you mean 'js'?",
                f + ":13:5: unknown key 'parms' for a js step",
                f + ":16:14: 'memoize' needs 'pure: true' on the step: only a step whose output depends on its input alone can be cached",
                f + ":20:9: 'aggregate' holds records across inputs: it can only be a top-level step of a chain",
                f + ":24:5: step 'after' is unreachable: step 'gone' before it drops every record"), got);
    }

    @Test
    void load_reportsConditionAndRetryProblems_atTheirValues() {
        String yaml = """
                steps:
                  - id: a
                    set: {value.x: 1}
                    when: {field: value.x, matches: "("}
                  - id: b
                    set: {value.x: 1}
                    retry: {on: [script-errors], backoff: 5 parsecs}
                  - id: c
                    set: {value.x: 1}
                    when: {field: value.x, within: 3}
                  - id: d
                    switch: vaule.kind
                    cases: {a: [{noop: true}]}
                """;
        List<String> got = problems(yaml);
        assertEquals(5, got.size(), String.join("\n", got));
        assertTrue(got.get(0).startsWith("v.yaml:4:37: invalid regular expression: "), got.get(0));
        assertEquals("v.yaml:7:18: unknown error class 'script-errors'; expected one of [script-error, timeout, sandbox-violation,"
                + " bad-data, dependency-failure, internal]", got.get(1));
        assertEquals("v.yaml:7:43: '5 parsecs' is not a duration: write 250ms, 10s, 5m, 1h or 2d", got.get(2));
        assertEquals("v.yaml:10:28: unknown operator 'within'; expected exists, equals, in, matches, gt, gte, lt or lte", got.get(3));
        assertEquals("v.yaml:12:13: 'vaule.kind' is not a record path: start with value, key, topic, timestamp, partition, offset"
                + " or headers.<name>", got.get(4));
    }

    @Test
    void load_reportsUnknownStepKind_withSuggestion() {
        List<String> got = problems("steps:\n  - id: x\n    swich: value.kind\n");
        assertEquals(List.of("v.yaml:2:5: a step needs one of [aggregate, branch, call, correlate, dispatch, drop, foreach, if, js, lib, noop,"
                        + " parallel, py, set, switch, while]",
                "v.yaml:3:5: unknown step key 'swich'; did you mean 'switch'?"), got);
    }

    @Test
    void load_refusesAggregateInsideCombinator() {
        String yaml = """
                steps:
                  - id: each
                    foreach: value.items
                    steps:
                      - {id: agg, aggregate: {key: value, count: 2}}
                """;
        assertEquals(List.of("v.yaml:5:9: 'aggregate' holds records across inputs: it can only be a top-level step of a chain"),
                problems(yaml));
    }

    /** An unreachable step is named by its id, even when its {@code when: false} folds it away. */
    @Test
    void load_namesUnreachableStepById_evenWhenFolded() {
        String yaml = "steps:\n  - {id: gone, drop: true}\n  - {id: never, noop: true, when: false}\n";
        assertEquals(List.of("v.yaml:3:5: step 'never' is unreachable: step 'gone' before it drops every record"), problems(yaml));
    }

    /** {@code drop: false} must not drop every record: refused at load (at the drop), or a step that does nothing. */
    @Test
    void dropFalse_doesNotDropRecords() {
        String yaml = "steps:\n  - {id: maybe, drop: false}\n";
        Chain c;
        try {
            c = ChainLoader.fromText(yaml, "v.yaml", BASE, OPTIONS, sandbox);
        } catch (ChainLoadException e) {
            assertTrue(e.getMessage().contains("v.yaml:2:") && e.getMessage().contains("drop"), e.getMessage());
            return;
        }
        try (c) {
            Outcome o = c.apply(record(1, "{\"n\": 1}"));
            assertInstanceOf(Outcome.Emitted.class, o, "drop: false dropped the record: " + o);
            assertBalanced(c);
        }
    }
}
