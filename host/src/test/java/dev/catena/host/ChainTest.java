package dev.catena.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainTest {
    static final Path BASE = Path.of("src/test/resources/chains");
    static final HostOptions OPTIONS = HostOptions.DEFAULT.withSandbox(
            SandboxOptions.DEFAULT.withPoolSize(1).withPrewarm(false).withTimeLimit(Duration.ofMillis(500)));

    static Chain chain(String yaml) {
        return ChainLoader.fromText(yaml, "test.yaml", BASE, OPTIONS);
    }

    static Message record(long line, Object... kv) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            v.put((String) kv[i], Values.normalize(kv[i + 1]));
        }
        return Message.builder().key("k" + line).value(v).topic("t").origin("input line " + line).build();
    }

    /** Runs records and checks the accounting identity: in = emitted inputs + dropped + failed. */
    static List<Outcome> runAll(Chain chain, List<Message> records) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Message m : records) {
            outcomes.add(chain.apply(m));
        }
        ChainStats s = chain.stats();
        assertEquals(records.size(), s.in());
        assertEquals(s.in(), s.emittedInputs() + s.dropped() + s.failed(), "accounting: " + s);
        return outcomes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_transformsValue_withParams(String lang) {
        try (Chain c = chain("chain: t\nsteps:\n  - id: up\n    " + lang + ": steps/upper." + lang + "\n    params: {tag: x}\n")) {
            Outcome o = c.apply(record(1, "name", "ada", "n", 1));
            Message out = ((Outcome.Emitted) o).messages().get(0);
            assertEquals(Map.of("name", "ADA", "n", 1L, "tag", "x"), out.value());
            assertEquals("k1", out.key());
            assertEquals("t", out.topic());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_dropsRecord_whenScriptReturnsNull(String lang) {
        try (Chain c = chain("steps:\n  - id: odd\n    " + lang + ": steps/drop_odd." + lang + "\n  - id: mark\n    js: steps/mark.js\n")) {
            List<Outcome> os = runAll(c, List.of(record(1, "n", 1), record(2, "n", 2)));
            assertEquals(new Outcome.Dropped("odd"), os.get(0));
            Message kept = ((Outcome.Emitted) os.get(1)).messages().get(0);
            assertEquals("mark", ((Map<?, ?>) kept.value()).get("marked"));
            assertEquals(1, c.stats().dropped());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_splitsRecord_whenDeclaredSplit(String lang) {
        try (Chain c = chain("steps:\n  - id: s\n    " + lang + ": steps/split." + lang + "\n    split: true\n  - id: mark\n    js: steps/mark.js\n")) {
            assertTrue(c.canSplit());
            Message in = record(1, "items", List.of("a", "b", "c"));
            List<Message> out = ((Outcome.Emitted) c.apply(in)).messages();
            assertEquals(3, out.size());
            assertEquals(Map.of("item", "b", "marked", "mark"), out.get(1).value());
            assertEquals("k1", out.get(2).key());
            assertEquals("t", out.get(2).topic(), "fields not returned keep the input's");
            assertEquals(3, c.stats().out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_failsRecord_whenUndeclaredSplit(String lang) {
        try (Chain c = chain("steps:\n  - id: s\n    " + lang + ": steps/split." + lang + "\n")) {
            assertFalse(c.canSplit());
            Outcome o = c.apply(record(4, "items", List.of("a", "b")));
            StepFailure f = ((Outcome.Failed) o).failure();
            assertTrue(f.getMessage().contains("returned 2 records, but the step is not declared 'split: true'"), f.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_reportsChainStepLocationAndRecord_whenScriptThrows(String lang) {
        try (Chain c = chain("chain: errs\nsteps:\n  - id: boom\n    " + lang + ": steps/boom." + lang + "\n")) {
            List<Outcome> os = runAll(c, List.of(record(1, "n", 1), record(2, "n", 3), record(3, "n", 5)));
            Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, os.get(1));
            StepFailure f = failed.failure();
            assertEquals("errs", f.chain());
            assertEquals("boom", f.stepId());
            assertEquals(ErrorClass.SCRIPT_ERROR, f.errorClass());
            assertEquals("steps/boom." + lang, f.location().file());
            assertEquals(lang.equals("js") ? 4 : 4, f.location().line());
            assertEquals("input line 2", f.record());
            assertTrue(f.getMessage().startsWith("chain errs, step boom (steps/boom." + lang + ":4"), f.getMessage());
            assertTrue(f.getMessage().contains("input line 2"), f.getMessage());
            assertTrue(f.getMessage().contains("n must not be 3"), f.getMessage());
            // the failed record is the input, untouched by the half-run step
            assertEquals(Map.of("n", 3L), failed.input().value());
            assertInstanceOf(Outcome.Emitted.class, os.get(2), "the next record is processed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_stopsEndlessLoop_andProcessesNextRecord(String lang) {
        HostOptions noStatementLimit = OPTIONS.withSandbox(OPTIONS.sandbox().withStatementLimit(0));
        String yaml = "steps:\n  - id: loop\n    " + lang + ": steps/loop." + lang + "\n";
        try (Chain c = ChainLoader.fromText(yaml, "test.yaml", BASE, noStatementLimit)) {
            List<Outcome> os = runAll(c, List.of(record(1, "n", 1), record(2, "n", 2), record(3, "n", 3)));
            StepFailure f = ((Outcome.Failed) os.get(1)).failure();
            assertEquals(ErrorClass.TIMEOUT, f.errorClass());
            assertTrue(f.errorClass().isTransient());
            assertInstanceOf(Outcome.Emitted.class, os.get(2));
        }
    }

    @org.junit.jupiter.api.Test
    void apply_stopsEndlessJsLoop_byStatementLimit() {
        HostOptions limited = OPTIONS.withSandbox(OPTIONS.sandbox().withStatementLimit(100_000).withTimeLimit(Duration.ofSeconds(30)));
        try (Chain c = ChainLoader.fromText("steps:\n  - id: loop\n    js: steps/loop.js\n", "test.yaml", BASE, limited)) {
            List<Outcome> os = runAll(c, List.of(record(1, "n", 2), record(2, "n", 3)));
            StepFailure f = ((Outcome.Failed) os.get(0)).failure();
            assertEquals(ErrorClass.SANDBOX_VIOLATION, f.errorClass());
            assertTrue(f.reason().contains("statement limit"), f.reason());
            assertInstanceOf(Outcome.Emitted.class, os.get(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_skipsStep_whenConditionFalse(String lang) {
        String expr = lang.equals("js") ? "msg.value.n > 1" : "msg.value['n'] > 1";
        try (Chain c = chain("steps:\n  - id: mark\n    js: steps/mark.js\n    when: {" + lang + ": \"" + expr + "\"}\n")) {
            Message small = ((Outcome.Emitted) c.apply(record(1, "n", 1))).messages().get(0);
            Message big = ((Outcome.Emitted) c.apply(record(2, "n", 2))).messages().get(0);
            assertNull(((Map<?, ?>) small.value()).get("marked"));
            assertEquals("mark", ((Map<?, ?>) big.value()).get("marked"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"skip", "drop", "dlq"})
    void apply_followsOnErrorPolicy(String policy) {
        try (Chain c = chain("steps:\n  - id: boom\n    js: steps/boom.js\n    on-error: " + policy + "\n  - id: mark\n    js: steps/mark.js\n")) {
            Outcome o = runAll(c, List.of(record(1, "n", 3))).get(0);
            switch (policy) {
                case "skip" -> {
                    Message out = ((Outcome.Emitted) o).messages().get(0);
                    assertEquals(Map.of("n", 3L, "marked", "mark"), out.value(), "skipped step leaves no half-change");
                }
                case "drop" -> assertEquals(new Outcome.Dropped("boom"), o);
                default -> assertInstanceOf(Outcome.Failed.class, o);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "py"})
    void apply_changesHeadersTopicKeyAndTimestamp(String lang) {
        String js = "export function transform(msg, ctx) { msg.headers.set('a', 'x'); msg.headers.remove('gone');"
                + " msg.topic = 'routed'; msg.key = msg.key + '!'; msg.timestamp = 42; return msg; }";
        String py = "def transform(msg, ctx):\n    msg.headers.set('a', 'x')\n    msg.headers.remove('gone')\n"
                + "    msg.topic = 'routed'\n    msg.key = msg.key + '!'\n    msg.timestamp = 42\n    return msg\n";
        Path dir = BASE.resolve("steps");
        try {
            java.nio.file.Files.writeString(dir.resolve("hdr-gen." + lang), lang.equals("js") ? js : py);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Chain c = chain("steps:\n  - id: h\n    " + lang + ": steps/hdr-gen." + lang + "\n")) {
            Message in = record(1, "n", 1).withHeaders(Headers.EMPTY.with("gone", "1").with("keep", "2"));
            Message out = ((Outcome.Emitted) c.apply(in)).messages().get(0);
            assertEquals("routed", out.topic());
            assertEquals("k1!", out.key());
            assertEquals(42L, out.timestamp());
            assertEquals("x", out.headers().get("a"));
            assertEquals("2", out.headers().get("keep"));
            assertFalse(out.headers().has("gone"));
            assertEquals("1", in.headers().get("gone"), "input message is not mutated");
        }
    }
}
