package dev.catena.host.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.Chain;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Trace;
import dev.catena.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the orchestration tests share: where their chains and scripts are, options, records and assertions. */
final class Fixtures {
    static final Path BASE = Path.of("src/test/resources/orchestration");
    /** One context per language, created on first use; a generous time limit (branches busy-wait on purpose). */
    static final HostOptions OPTIONS = HostOptions.DEFAULT.withSandbox(SandboxOptions.DEFAULT
            .withPoolSize(1).withPrewarm(false).withTimeLimit(Duration.ofSeconds(5)).withStatementLimit(0));
    private static final JsonCodec JSON = new JsonCodec();

    private Fixtures() {
    }

    /** A record from an envelope line: {@code {"key": "k", "topic": "t", "value": {...}, "headers": {...}}}. */
    static Message envelope(int line, String json) {
        return JSON.decode(json, "input line " + line);
    }

    /** A record with key {@code k<line>}, topic {@code t} and this JSON value. */
    static Message record(int line, String valueJson) {
        return Message.builder().key("k" + line).topic("t").value(JSON.decodeValue(valueJson)).origin("input line " + line).build();
    }

    /** A JSON value as a neutral value (integers as Long), to compare with outputs. */
    static Object json(String text) {
        return JSON.decodeValue(text);
    }

    /** The one record an outcome emitted. */
    static Message only(Outcome o) {
        Outcome.Emitted e = assertInstanceOf(Outcome.Emitted.class, o, () -> "expected one emitted record, got " + describe(o));
        assertEquals(1, e.messages().size(), () -> "expected one record, got " + e.messages());
        return e.messages().get(0);
    }

    /** Asserts the outcome emitted one record whose value is this JSON. */
    static void assertValue(String expectedJson, Outcome o) {
        assertEquals(json(expectedJson), only(o).value());
    }

    static StepFailure failure(Outcome o) {
        return assertInstanceOf(Outcome.Failed.class, o, () -> "expected a failure, got " + describe(o)).failure();
    }

    static String describe(Outcome o) {
        return o instanceof Outcome.Failed f ? "Failed[" + f.failure().getMessage() + "]" : String.valueOf(o);
    }

    /** The accounting identity every chain keeps: in + released = emitted + dropped + failed + absorbed. */
    static void assertBalanced(Chain c) {
        assertTrue(c.stats().balanced(), () -> "accounting does not balance: " + c.stats());
    }

    /** A language's spelling of an expression: JavaScript or Python. */
    static String expr(String lang, String js, String py) {
        return lang.equals("js") ? js : py;
    }

    /** Trace events as "step: decision". */
    static List<String> decisions(Trace t) {
        return t.events().stream().map(e -> e.stepId() + ": " + e.decision()).toList();
    }
}
