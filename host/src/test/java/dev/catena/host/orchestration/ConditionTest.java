package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.assertValue;
import static dev.catena.host.orchestration.Fixtures.decisions;
import static dev.catena.host.orchestration.Fixtures.envelope;
import static dev.catena.host.orchestration.Fixtures.only;
import static dev.catena.host.orchestration.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.exec.Trace;
import dev.catena.host.step.IfStep;
import dev.catena.host.step.Step;
import dev.catena.sandbox.Sandbox;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Built-in conditions (evaluated in Java) and constant folding. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionTest {
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private Chain chain(String yaml) {
        return ChainLoader.fromText(yaml, "conditions.yaml", BASE, OPTIONS, sandbox);
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {field: value.n, equals: 1}                      | {"value": {"n": 1.0}}                   | true
            {field: value.n, equals: 1}                      | {"value": {"n": 2}}                     | false
            {field: value.s, equals: abc}                    | {"value": {"s": "abc"}}                 | true
            {field: value.s, equals: 1}                      | {"value": {"s": "1"}}                   | false
            {field: value.a.b, equals: deep}                 | {"value": {"a": {"b": "deep"}}}         | true
            {field: value.x, exists: true}                   | {"value": {"x": 0}}                     | true
            {field: value.x, exists: true}                   | {"value": {"y": 0}}                     | false
            {field: value.x, exists: false}                  | {"value": {"y": 0}}                     | true
            {field: value.tier, in: [gold, silver]}          | {"value": {"tier": "silver"}}           | true
            {field: value.tier, in: [gold, silver]}          | {"value": {"tier": "bronze"}}           | false
            {field: value.n, in: [1, 2]}                     | {"value": {"n": 2.0}}                   | true
            {field: value.email, matches: .*@x\\.com}        | {"value": {"email": "a@x.com"}}         | true
            {field: value.email, matches: .*@x\\.com}        | {"value": {"email": "a@x.com.au"}}      | false
            {field: value.n, gt: 100}                        | {"value": {"n": 101}}                   | true
            {field: value.n, gt: 100}                        | {"value": {"n": 100}}                   | false
            {field: value.n, gte: 100}                       | {"value": {"n": 100}}                   | true
            {field: value.n, gte: 100}                       | {"value": {"n": 99.9}}                  | false
            {field: value.n, lt: 100}                        | {"value": {"n": 99.5}}                  | true
            {field: value.n, lt: 100}                        | {"value": {"n": "abc"}}                 | false
            {field: value.n, lte: 100}                       | {"value": {"n": 100}}                   | true
            {field: value.n, lte: 100}                       | {"value": {"n": 100.5}}                 | false
            {field: value.n, lt: 100}                        | {"value": {"m": 1}}                     | false
            {field: value.s, gt: b}                          | {"value": {"s": "c"}}                   | true
            {field: key, equals: k7}                         | {"key": "k7", "value": {}}              | true
            {header: source, equals: web}                    | {"value": {}, "headers": {"source": "web"}} | true
            {header: source, equals: web}                    | {"value": {}, "headers": {"source": "app"}} | false
            {header: source, exists: true}                   | {"value": {}}                           | false
            {topic: orders-.*}                               | {"topic": "orders-eu", "value": {}}     | true
            {topic: orders-.*}                               | {"topic": "x-orders-eu", "value": {}}   | false
            {topic: orders-.*}                               | {"value": {}}                           | false
            {tombstone: true}                                | {"key": "k", "value": null}             | true
            {tombstone: true}                                | {"value": {}}                           | false
            {tombstone: false}                               | {"key": "k", "value": null}             | false
            {not: {field: value.n, gt: 1}}                   | {"value": {"n": 0}}                     | true
            {not: {field: value.n, gt: 1}}                   | {"value": {"n": 2}}                     | false
            {all: [{field: value.n, gt: 1}, {field: value.n, lt: 5}]} | {"value": {"n": 3}}            | true
            {all: [{field: value.n, gt: 1}, {field: value.n, lt: 5}]} | {"value": {"n": 7}}            | false
            {any: [{field: value.n, lt: 0}, {header: source, equals: web}]} | {"value": {"n": 1}, "headers": {"source": "web"}} | true
            {any: [{field: value.n, lt: 0}, {header: source, equals: web}]} | {"value": {"n": 1}}  | false
            {all: [true, {field: value.n, gt: 1}]}           | {"value": {"n": 2}}                     | true
            {any: [false, {field: value.n, gt: 1}]}          | {"value": {"n": 0}}                     | false
            {error: [script-error]}                          | {"value": {}}                           | false
            """)
    void when_runsStep_exactlyWhenConditionHolds(String condition, String recordJson, boolean expected) {
        String yaml = "steps:\n  - id: hit\n    set: {headers.hit: yes-it-ran}\n    when: " + condition + "\n";
        try (Chain c = chain(yaml)) {
            Message out = only(c.apply(envelope(1, recordJson)));
            assertEquals(expected, out.headers().has("hit"), () -> condition + " on " + recordJson);
            assertBalanced(c);
        }
    }

    @Test
    void when_false_removesStep_soItNeverRuns() {
        String yaml = """
                steps:
                  - {id: never, js: steps/boom.js, when: false}
                  - {id: never-either, js: steps/boom.js, when: {not: true}}
                  - {id: nor-this, js: steps/boom.js, when: {all: [{field: value.n, gt: 1}, false]}}
                  - {id: kept, set: {value.kept: true}}
                """;
        try (Chain c = chain(yaml)) {
            assertEquals(List.of("kept"), c.steps().stream().map(Step::id).toList(), "folded steps are gone from the graph");
            assertValue("{\"n\": 5, \"kept\": true}", c.apply(record(1, "{\"n\": 5}")));
            assertBalanced(c);
        }
    }

    @Test
    void when_true_runsStepUnguarded() {
        String yaml = """
                steps:
                  - {id: always, set: {value.ran: true}, when: {any: [true, {field: value.n, gt: 1}]}}
                """;
        try (Chain c = chain(yaml)) {
            Trace t = new Trace();
            assertValue("{\"n\": 0, \"ran\": true}", c.apply(record(1, "{\"n\": 0}"), t));
            assertFalse(decisions(t).stream().anyMatch(d -> d.contains("skipped")), decisions(t).toString());
            assertBalanced(c);
        }
    }

    /** {@code if: true} is folded to its then-steps at load: no IfStep, no condition evaluated, no guest entered. */
    @Test
    void if_constantTrue_isFoldedToThen() {
        String yaml = """
                steps:
                  - if: {py: "True"}
                    then: [{set: {value.branch: then}}]
                    else: [{js: steps/boom.js}]
                """;
        try (Chain c = chain(yaml)) {
            assertEquals(1, c.steps().size());
            assertFalse(c.steps().get(0) instanceof IfStep, "folded: " + c.steps().get(0));
            Trace t = new Trace();
            assertValue("{\"n\": 1, \"branch\": \"then\"}", c.apply(record(1, "{\"n\": 1}"), t));
            assertFalse(decisions(t).stream().anyMatch(d -> d.contains("then (")), decisions(t).toString());
            assertBalanced(c);
        }
    }

    /** As above, with ids on the steps (as chains usually have): folding must not compile the branch twice. */
    @Test
    void if_constantTrue_isFoldedToThen_whenStepsHaveIds() {
        String yaml = """
                steps:
                  - id: route
                    if: true
                    then: [{id: mark, set: {value.branch: then}}]
                    else: [{id: fail, js: steps/boom.js}]
                """;
        try (Chain c = chain(yaml)) {
            assertFalse(c.steps().get(0) instanceof IfStep);
            assertValue("{\"n\": 1, \"branch\": \"then\"}", c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }

    @Test
    void if_constantFalse_isFoldedToElse() {
        String yaml = """
                steps:
                  - if: {js: "0"}
                    then: [{js: steps/boom.js}]
                    else: [{set: {value.branch: else}}]
                """;
        try (Chain c = chain(yaml)) {
            assertFalse(c.steps().get(0) instanceof IfStep);
            assertValue("{\"n\": 1, \"branch\": \"else\"}", c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }
}
