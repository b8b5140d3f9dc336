package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.assertValue;
import static dev.catena.host.orchestration.Fixtures.failure;
import static dev.catena.host.orchestration.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.DeadLetter;
import dev.catena.host.ErrorClass;
import dev.catena.host.Outcome;
import dev.catena.host.StepFailure;
import dev.catena.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each {@code on-error} policy on a step that changes the value and then throws, in JavaScript
 * and in Python: whatever the policy, the half-change never leaks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPolicyTest {
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private Chain chain(String yaml, String lang) {
        return ChainLoader.fromText(yaml.replace("LANG", lang), "policies.yaml", BASE, OPTIONS, sandbox);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void fail_failsRecord_withInputAsItEnteredTheChain(String lang) {
        String yaml = """
                chain: policies
                steps:
                  - {id: pre, set: {value.pre: true}}
                  - {id: boom, LANG: steps/boom.LANG, on-error: fail}
                  - {id: post, set: {value.post: true}}
                """;
        try (Chain c = chain(yaml, lang)) {
            Outcome o = c.apply(record(3, "{\"n\": 7}"));
            StepFailure f = failure(o);
            assertEquals("policies", f.chain());
            assertEquals("boom", f.stepId());
            assertEquals(ErrorClass.SCRIPT_ERROR, f.errorClass());
            assertEquals("steps/boom." + lang, f.location().file());
            assertEquals("input line 3", f.record());
            assertEquals(1, f.attempts());
            assertTrue(f.reason().contains("boom on n=7"), f.reason());
            assertEquals(Fixtures.json("{\"n\": 7}"), ((Outcome.Failed) o).input().value());
            assertEquals(1, c.stats().failed());
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void dlq_failsRecord_andDeadLetterSaysWhatFailedWhere(String lang) {
        String yaml = """
                chain: policies
                steps:
                  - {id: boom, LANG: steps/boom.LANG, on-error: dlq}
                """;
        try (Chain c = chain(yaml, lang)) {
            Message in = record(3, "{\"n\": 7}").withHeaders(Headers.EMPTY.with("trace-id", "t-1"));
            Outcome.Failed failed = (Outcome.Failed) c.apply(in);
            Message dead = DeadLetter.of(failed.input(), failed.failure(), 1234L);
            assertEquals(Fixtures.json("{\"n\": 7}"), dead.value());
            assertEquals("t-1", dead.headers().get("trace-id"));
            assertEquals("policies", dead.headers().get("catena.error.chain"));
            assertEquals("boom", dead.headers().get("catena.error.step"));
            assertEquals("script-error", dead.headers().get("catena.error.class"));
            assertEquals("1", dead.headers().get("catena.error.attempts"));
            assertEquals("input line 3", dead.headers().get("catena.error.record"));
            assertEquals("1234", dead.headers().get("catena.error.time"));
            assertTrue(String.valueOf(dead.headers().get("catena.error.location")).startsWith("steps/boom." + lang + ":"),
                    String.valueOf(dead.headers().get("catena.error.location")));
            assertTrue(String.valueOf(dead.headers().get("catena.error.message")).contains("boom on n=7"));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void skip_continuesWithRecordAsItEnteredTheStep(String lang) {
        String yaml = """
                steps:
                  - {id: pre, set: {value.pre: true}}
                  - {id: boom, LANG: steps/boom.LANG, on-error: skip}
                  - {id: post, set: {value.post: true}}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 1, \"pre\": true, \"post\": true}", c.apply(record(1, "{\"n\": 1}")));
            assertEquals(1, c.stats().emittedInputs());
            assertEquals(0, c.stats().failed());
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void drop_dropsRecord_andCountsItDropped(String lang) {
        String yaml = """
                steps:
                  - {id: boom, LANG: steps/boom.LANG, on-error: drop}
                  - {id: post, set: {value.post: true}}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertEquals(new Outcome.Dropped("boom"), c.apply(record(1, "{\"n\": 1}")));
            assertEquals(1, c.stats().dropped());
            assertEquals(0, c.stats().failed());
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void chainOnError_isEveryStepsDefault(String lang) {
        String yaml = """
                on-error: skip
                steps:
                  - {id: boom, LANG: steps/boom.LANG}
                  - {id: post, set: {value.post: true}}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 1, \"post\": true}", c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void fallbackSteps_runOnStepInput_andSeeTheErrorClass(String lang) {
        String yaml = """
                steps:
                  - id: boom
                    LANG: steps/boom.LANG
                    on-error:
                      fallback:
                        - {id: recovered, set: {value.recovered_by: steps}}
                        - {id: saw-script-error, set: {value.handled: script-error}, when: {error: [script-error, timeout]}}
                        - {id: saw-bad-data, set: {value.handled: bad-data}, when: {error: bad-data}}
                  - {id: after, set: {value.after: true}}
                  - {id: outside, set: {value.outside: true}, when: {error: [script-error]}}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 1, \"recovered_by\": \"steps\", \"handled\": \"script-error\", \"after\": true}",
                    c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void fallbackChain_runsOnStepInput_andSeesTheErrorClass(String lang) {
        String yaml = """
                steps:
                  - {id: pre, set: {value.pre: true}}
                  - {id: boom, LANG: steps/boom.LANG, on-error: {fallback: fallback/recover.yaml}}
                  - {id: post, set: {value.post: true}}
                """;
        try (Chain c = chain(yaml, lang)) {
            assertValue("{\"n\": 1, \"pre\": true, \"recovered_by\": \"chain\", \"handled\": \"script-error\", \"post\": true}",
                    c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }

    @Test
    void fallback_failsRecord_whenFallbackFails() {
        String yaml = """
                steps:
                  - id: boom
                    js: steps/boom.js
                    on-error: {fallback: [{id: again, py: steps/boom.py}]}
                """;
        try (Chain c = chain(yaml, "js")) {
            StepFailure f = failure(c.apply(record(1, "{\"n\": 1}")));
            assertEquals("again", f.stepId());
            assertEquals(1, c.stats().failed());
            assertBalanced(c);
        }
    }

    /**
     * A step in a fallback that fails and is skipped must not make the fallback forget the
     * failure it is handling: the next fallback step still sees {@code error: script-error}.
     */
    @Test
    void fallback_keepsHandledError_afterNestedStepFailsAndIsSkipped() {
        String yaml = """
                steps:
                  - id: boom
                    js: steps/boom.js
                    on-error:
                      fallback:
                        - {id: also-fails, js: steps/boom.js, on-error: skip}
                        - {id: saw-script-error, set: {value.handled: script-error}, when: {error: [script-error]}}
                """;
        try (Chain c = chain(yaml, "js")) {
            assertValue("{\"n\": 1, \"handled\": \"script-error\"}", c.apply(record(1, "{\"n\": 1}")));
            assertBalanced(c);
        }
    }
}
