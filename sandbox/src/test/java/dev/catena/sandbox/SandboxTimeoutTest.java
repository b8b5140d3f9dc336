package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The wall-time limit stops endless loops and the pool replaces the stopped context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxTimeoutTest {
    private static final Duration LIMIT = Duration.ofMillis(400);
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        // no statement limit: only the watchdog can stop the loops
        sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(LIMIT).withStatementLimit(0));
        sandbox.prewarm(EnumSet.allOf(Language.class));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private void assertStoppedInTime(Script endless) {
        long start = System.nanoTime();
        ScriptException e = assertThrows(ScriptException.class, () -> sandbox.call(endless, fn -> fn.execute(1).toString()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(ScriptException.Kind.TIMEOUT, e.kind(), e::getMessage);
        assertTrue(e.kind().isTransient());
        assertEquals(endless.name(), e.location().file());
        Duration bound = LIMIT.plus(sandbox.options().interruptGrace()).plus(MARGIN);
        assertTrue(elapsed.compareTo(bound) < 0, () -> "stopped after " + elapsed.toMillis() + " ms, bound " + bound.toMillis() + " ms");
    }

    @Test
    void call_stopsEndlessJsLoop_withinLimitPlusGrace_andTheNextCallWorks() {
        assertStoppedInTime(Script.of(Language.JS, "steps/spin.js", "export function transform(msg) {\n  while (true) {}\n}\n"));

        Script healthy = Script.of(Language.JS, "steps/after.js", "export function transform(x) { return x * 3; }");
        assertEquals(6L, sandbox.<Long>call(healthy, fn -> fn.execute(2).asLong()));
    }

    @Test
    void call_stopsEndlessPythonLoop_withinLimitPlusGrace_andTheNextCallWorks() {
        assertStoppedInTime(Script.of(Language.PYTHON, "steps/spin.py", "def transform(msg):\n    while True:\n        pass\n"));

        Script healthy = Script.of(Language.PYTHON, "steps/after.py", "def transform(x):\n    return x * 3\n");
        assertEquals(6L, sandbox.<Long>call(healthy, fn -> fn.execute(2).asLong()));
    }

    @Test
    void call_stopsTheSameEndlessScriptAgain_afterTheContextWasReplaced() {
        Script endless = Script.of(Language.JS, "steps/spin-twice.js", "export function transform(msg) {\n  for (;;) {}\n}\n");

        assertStoppedInTime(endless);
        assertStoppedInTime(endless);
    }
}
