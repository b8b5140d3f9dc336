package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.assertValue;
import static dev.catena.host.orchestration.Fixtures.expr;
import static dev.catena.host.orchestration.Fixtures.failure;
import static dev.catena.host.orchestration.Fixtures.only;
import static dev.catena.host.orchestration.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.ErrorClass;
import dev.catena.host.Outcome;
import dev.catena.host.StepFailure;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.Sandbox;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every combinator through a real chain, once with its scripts, conditions and expressions in
 * JavaScript and once in Python.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CombinatorTest {
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private Chain chain(String yaml, String lang) {
        return ChainLoader.fromText(yaml.replace("LANG", lang), "combinators.yaml", BASE, OPTIONS, sandbox);
    }

    // ---- sequence (adjacent script steps of one language are fused) ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void sequence_fusedOrNot_sameOutcomes_namingTheStepThatDroppedOrFailed(String lang) {
        String yaml = """
                steps:
                  - {id: one, LANG: steps/put.LANG, params: {one: 1}}
                  - {id: gate, LANG: steps/gate.LANG}
                  - {id: three, LANG: steps/put.LANG, params: {three: 3}}
                """.replace("LANG", lang);
        for (boolean fuse : new boolean[] {true, false}) {
            try (Chain c = ChainLoader.fromText(yaml, "combinators.yaml", BASE, OPTIONS.withFusion(fuse), sandbox)) {
                assertEquals(fuse ? 1 : 3, c.steps().size(), "fused into one step: " + fuse);
                assertValue("{\"gate\": \"open\", \"one\": 1, \"gated\": true, \"three\": 3}",
                        c.apply(record(1, "{\"gate\": \"open\"}")));
                assertEquals(new Outcome.Dropped("gate"), c.apply(record(2, "{\"gate\": \"drop\"}")));
                Outcome o = c.apply(record(3, "{\"gate\": \"fail\"}"));
                StepFailure f = failure(o);
                assertEquals("gate", f.stepId(), "fused: " + fuse);
                assertEquals("steps/gate." + lang, f.location().file());
                assertEquals(Fixtures.json("{\"gate\": \"fail\"}"), ((Outcome.Failed) o).input().value());
                assertBalanced(c);
            }
        }
    }

    // ---- if ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void if_takesThenOrElse_byScriptCondition(String lang) {
        String yaml = """
                chain: if-LANG
                steps:
                  - id: route
                    if: {LANG: "COND"}
                    then:
                      - {id: big, LANG: steps/put.LANG, params: {size: big}}
                    else:
                      - {id: small, LANG: steps/put.LANG, params: {size: small}}
                """.replace("COND", expr(lang, "msg.value.n > 10", "msg.value['n'] > 10"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 11, \"size\": \"big\"}", c.apply(record(1, "{\"n\": 11}")));
            assertValue("{\"n\": 3, \"size\": \"small\"}", c.apply(record(2, "{\"n\": 3}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void if_passesRecordOn_whenFalseAndNoElse(String lang) {
        String yaml = """
                steps:
                  - id: route
                    if: {LANG: "COND"}
                    then: [{id: big, LANG: steps/put.LANG, params: {size: big}}]
                  - {id: after, set: {value.after: true}}
                """.replace("COND", expr(lang, "msg.value.n > 10", "msg.value['n'] > 10"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 3, \"after\": true}", c.apply(record(1, "{\"n\": 3}")));
            assertBalanced(c);
        }
    }

    // ---- switch ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void switch_byPath_takesCaseOrDefault(String lang) {
        String yaml = """
                steps:
                  - id: route
                    switch: value.kind
                    cases:
                      refund: [{id: refund, LANG: steps/put.LANG, params: {went: refund}}]
                      "7": [{id: seven, LANG: steps/put.LANG, params: {went: seven}}]
                    default: [{id: other, LANG: steps/put.LANG, params: {went: default}}]
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"kind\": \"refund\", \"went\": \"refund\"}", c.apply(record(1, "{\"kind\": \"refund\"}")));
            assertValue("{\"kind\": 7, \"went\": \"seven\"}", c.apply(record(2, "{\"kind\": 7}")));
            assertValue("{\"kind\": \"order\", \"went\": \"default\"}", c.apply(record(3, "{\"kind\": \"order\"}")));
            assertValue("{\"n\": 1, \"went\": \"default\"}", c.apply(record(4, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void switch_byExpression_passesRecordOnUnchanged_whenNoCaseAndNoDefault(String lang) {
        String yaml = """
                steps:
                  - id: route
                    switch: {LANG: "EXPR"}
                    cases:
                      a/x: [{id: ax, LANG: steps/put.LANG, params: {went: ax}}]
                      b/x: [{id: bx, LANG: steps/put.LANG, params: {went: bx}}]
                  - {id: after, set: {value.after: true}}
                """.replace("EXPR", expr(lang, "msg.value.kind + '/' + msg.value.sub", "msg.value['kind'] + '/' + msg.value['sub']"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"kind\": \"b\", \"sub\": \"x\", \"went\": \"bx\", \"after\": true}",
                    c.apply(record(1, "{\"kind\": \"b\", \"sub\": \"x\"}")));
            assertValue("{\"kind\": \"a\", \"sub\": \"y\", \"after\": true}", c.apply(record(2, "{\"kind\": \"a\", \"sub\": \"y\"}")));
            assertBalanced(c);
        }
    }

    // ---- parallel ----

    static Stream<Arguments> languagesAndMerges() {
        List<String> merges = List.of("deep", "replace", "collect", "{js: steps/merge.js}", "{py: steps/merge.py}");
        return Stream.of("js", "py").flatMap(l -> merges.stream().map(m -> Arguments.of(l, m)));
    }

    /**
     * Branch 1 busy-waits 200 ms in a guest while branch 2 is a built-in that finishes at once:
     * branch 2 finishes first, yet the merge sees the results in branch order.
     */
    @ParameterizedTest
    @MethodSource("languagesAndMerges")
    void parallel_mergesInBranchOrder_whateverOrderBranchesFinish(String lang, String merge) {
        String yaml = """
                steps:
                  - id: fan
                    parallel:
                      - [{id: slow, LANG: steps/slow.LANG, params: {ms: 200, winner: b1}}]
                      - [{id: fast, set: {value.winner: b2, value.from2: true, value.meta.two: 2, headers.h2: fast}}]
                    merge: MERGE
                """.replace("MERGE", merge);
        try (Chain c = chain(yaml, lang)) {
            Message out = only(c.apply(record(1, "{\"n\": 1, \"meta\": {\"zero\": 0}}")));
            String expected = switch (merge) {
                case "deep" -> "{\"n\": 1, \"meta\": {\"zero\": 0, \"one\": 1, \"two\": 2}, \"winner\": \"b2\", \"from1\": true, \"from2\": true}";
                case "replace" -> "{\"n\": 1, \"meta\": {\"zero\": 0, \"two\": 2}, \"winner\": \"b2\", \"from2\": true}";
                case "collect" -> "{\"n\": 1, \"meta\": {\"zero\": 0}, \"results\": ["
                        + "{\"n\": 1, \"meta\": {\"zero\": 0, \"one\": 1}, \"winner\": \"b1\", \"from1\": true},"
                        + "{\"n\": 1, \"meta\": {\"zero\": 0, \"two\": 2}, \"winner\": \"b2\", \"from2\": true}]}";
                default -> "{\"n\": 1, \"winners\": [\"b1\", \"b2\"]}";
            };
            assertEquals(Fixtures.json(expected), out.value());
            if (merge.equals("deep") || merge.equals("replace")) {
                assertEquals("fast", out.headers().get("h2"), "branch 2's header comes through");
            }
            assertEquals("k1", out.key());
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void parallel_collectsNull_forBranchThatDrops(String lang) {
        String yaml = """
                steps:
                  - id: fan
                    parallel:
                      - [{id: one, LANG: steps/put.LANG, params: {winner: b1}}]
                      - [{id: gone, drop: true}]
                    merge: {LANG: steps/merge.LANG}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 1, \"winners\": [\"b1\", null]}", c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }

    // ---- branch ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void branch_runsStepsOnRequest_andWritesResultBack(String lang) {
        String yaml = """
                steps:
                  - id: scored
                    branch: [{id: score, LANG: steps/score.LANG}]
                    request: value.customer
                    result: value.customer_score
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"customer\": {\"name\": \"ada\"}, \"n\": 1, \"customer_score\": 30}",
                    c.apply(record(1, "{\"customer\": {\"name\": \"ada\"}, \"n\": 1}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void branch_takesRequestFromExpression(String lang) {
        String yaml = """
                steps:
                  - id: scored
                    branch: [{id: score, LANG: steps/score.LANG}]
                    request: {LANG: "EXPR"}
                    result: value.score
                """.replace("EXPR", expr(lang, "({name: msg.value.first + msg.value.last})",
                "{'name': msg.value['first'] + msg.value['last']}"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"first\": \"ada\", \"last\": \"lace\", \"score\": 70}",
                    c.apply(record(1, "{\"first\": \"ada\", \"last\": \"lace\"}")));
            assertBalanced(c);
        }
    }

    // ---- foreach ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void foreach_removesDroppedElements_andExpandsSplitOnes(String lang) {
        String yaml = """
                steps:
                  - id: each
                    foreach: value.items
                    steps: [{id: elem, LANG: steps/elem.LANG, split: true}]
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"items\": [10, -2, 2, 30], \"n\": 1}", c.apply(record(1, "{\"items\": [1, 0, -2, 3], \"n\": 1}")));
            assertValue("{\"n\": 2}", c.apply(record(2, "{\"n\": 2}")));
            assertValue("{\"items\": []}", c.apply(record(3, "{\"items\": [0, 0]}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void foreach_failsRecordAsBadData_whenFieldIsNotAList(String lang) {
        String yaml = """
                steps:
                  - id: each
                    foreach: value.items
                    steps: [{id: elem, LANG: steps/elem.LANG, split: true}]
                """;
        try (Chain c = chain(yaml, lang)) {
            Outcome o = c.apply(record(4, "{\"items\": \"abc\"}"));
            StepFailure f = failure(o);
            assertEquals(ErrorClass.BAD_DATA, f.errorClass());
            assertEquals("each", f.stepId());
            assertEquals("input line 4", f.record());
            assertTrue(f.reason().startsWith("foreach needs a list at value.items, found "), f.reason());
            assertEquals(Fixtures.json("{\"items\": \"abc\"}"), ((Outcome.Failed) o).input().value());
            assertEquals(1, c.stats().failed());
            assertBalanced(c);
        }
    }

    // ---- while ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void while_loopsUntilConditionFails_andFailsRecordPastMaxIterations(String lang) {
        String yaml = """
                steps:
                  - id: loop
                    while: {LANG: "COND"}
                    steps: [{id: inc, LANG: steps/inc.LANG}]
                    max-iterations: 5
                """.replace("COND", expr(lang, "msg.value.i < msg.value.limit", "msg.value['i'] < msg.value['limit']"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"i\": 3, \"limit\": 3}", c.apply(record(1, "{\"i\": 0, \"limit\": 3}")));
            assertValue("{\"i\": 5, \"limit\": 5}", c.apply(record(2, "{\"i\": 0, \"limit\": 5}")));
            assertValue("{\"i\": 9, \"limit\": 2}", c.apply(record(3, "{\"i\": 9, \"limit\": 2}")));
            Outcome o = c.apply(record(4, "{\"i\": 0, \"limit\": 6}"));
            StepFailure f = failure(o);
            assertEquals("loop", f.stepId());
            assertEquals("while loop did not end within max-iterations 5", f.reason());
            assertEquals(Fixtures.json("{\"i\": 0, \"limit\": 6}"), ((Outcome.Failed) o).input().value());
            assertBalanced(c);
        }
    }

    // ---- call ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void call_runsSubChainInline_andItsDropsCount(String lang) {
        String yaml = """
                steps:
                  - {id: pre, set: {value.pre: true}}
                  - id: sub
                    call: targets/sub-LANG.yaml
                  - {id: post, set: {value.post: true}}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 1, \"pre\": true, \"sub\": \"" + lang + "\", \"post\": true}", c.apply(record(1, "{\"n\": 1}")));
            assertEquals(new Outcome.Dropped("dropper"), c.apply(record(2, "{\"n\": 0}")));
            assertEquals(1, c.stats().dropped());
            assertBalanced(c);
        }
    }

    @Test
    void call_refusesCycle_atLoad_naming_theCallAndItsPlace() {
        ChainLoadException e = assertThrows(ChainLoadException.class,
                () -> ChainLoader.load(BASE.resolve("cycle/a.yaml"), OPTIONS, sandbox));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals(BASE.resolve("cycle/b.yaml").toString(), p.file());
        assertEquals(6, p.line(), "at b.yaml's call of a.yaml");
        assertEquals(11, p.column());
        assertEquals("call cycle: a.yaml -> b.yaml -> a.yaml", p.message());
    }

    // ---- dispatch ----

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void dispatch_byExpression_runsNamedChainOrDefault(String lang) {
        String yaml = """
                steps:
                  - id: route
                    dispatch: {LANG: "EXPR"}
                    chains: {a: targets/a.yaml, b: targets/b.yaml}
                    default: targets/other.yaml
                  - {id: after, set: {value.after: true}}
                """.replace("EXPR", expr(lang, "msg.value.kind", "msg.value['kind']"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"kind\": \"a\", \"went\": \"a\", \"after\": true}", c.apply(record(1, "{\"kind\": \"a\"}")));
            assertValue("{\"kind\": \"b\", \"went\": \"b\", \"after\": true}", c.apply(record(2, "{\"kind\": \"b\"}")));
            assertValue("{\"kind\": \"zzz\", \"went\": \"other\", \"after\": true}", c.apply(record(3, "{\"kind\": \"zzz\"}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void dispatch_failsRecord_whenNameHasNoChainAndNoDefault(String lang) {
        String yaml = """
                steps:
                  - id: route
                    dispatch: {LANG: "EXPR"}
                    chains: {a: targets/a.yaml, b: targets/b.yaml}
                """.replace("EXPR", expr(lang, "msg.value.kind", "msg.value['kind']"));
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"kind\": \"a\", \"went\": \"a\"}", c.apply(record(1, "{\"kind\": \"a\"}")));
            StepFailure f = failure(c.apply(record(2, "{\"kind\": \"zzz\"}")));
            assertEquals(ErrorClass.BAD_DATA, f.errorClass());
            assertEquals("route", f.stepId());
            assertEquals("dispatch selected 'zzz', which names no chain (known: [a, b]) and there is no default", f.reason());
            assertBalanced(c);
        }
    }

    /** The dispatching chain is among its own targets: a recursion that ends. */
    @Test
    void dispatch_recursesIntoItsOwnChain_untilSelectorStops() {
        try (Chain c = ChainLoader.load(BASE.resolve("recursion/rec.yaml"), OPTIONS, sandbox)) {
            Outcome o = c.apply(record(1, "{\"n\": 3}"));
            assertValue("{\"n\": 0, \"visits\": 3, \"stopped\": true}", o);
            assertBalanced(c);
        }
    }

    /** A dispatch that never stops is bounded at run time: the record fails, the host does not. */
    @Test
    void dispatch_failsRecord_whenRecursionNeverEnds() {
        try (Chain c = ChainLoader.load(BASE.resolve("recursion/forever.yaml"), OPTIONS, sandbox)) {
            StepFailure f = failure(c.apply(record(1, "{\"kind\": \"again\"}")));
            assertTrue(f.reason().startsWith("chains nested deeper than 64 levels"), f.reason());
            assertBalanced(c);
        }
    }
}
