package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Python scripts through {@link Sandbox#call}: results, load errors, guest errors and module isolation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxPythonTest {
    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofSeconds(30)));
        sandbox.prewarm(EnumSet.of(Language.PYTHON));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private static Script py(String name, String code) {
        return Script.of(Language.PYTHON, name, code);
    }

    private long callWithLong(Script script, long argument) {
        return sandbox.call(script, fn -> fn.execute(argument).asLong());
    }

    @Test
    void call_runsTransform_onTheMessageView() {
        Script script = py("steps/total.py", """
                def transform(msg, ctx):
                    msg.value["total"] = msg.value["qty"] * msg.value["price"]
                    msg.headers.set("priced", "yes")
                    return msg
                """);

        List<Message> out = Fixtures.transform(sandbox, script, Fixtures.order(3, 7));

        assertEquals(1, out.size());
        assertEquals(Map.of("qty", 3L, "price", 7L, "total", 21L), out.get(0).value());
        assertEquals("yes", out.get(0).headers().get("priced"));
    }

    @Test
    void call_dropsTheRecord_whenTransformReturnsNone() {
        Script script = py("steps/drop.py", "def transform(msg, ctx):\n    return None\n");

        assertEquals(List.of(), Fixtures.transform(sandbox, script, Fixtures.order(1, 1)));
    }

    @Test
    void call_reportsSyntaxError_withFileLineAndColumn() {
        Script script = py("steps/bad.py", "def transform(msg):\n    y = 1\n    return y +* 2\n");

        ScriptException e = assertThrows(ScriptException.class, () -> callWithLong(script, 1));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertEquals("steps/bad.py", e.location().file());
        assertEquals(3, e.location().line());
        assertTrue(e.location().column() > 0, e.location()::toString);
        assertTrue(e.guestMessage().contains("invalid syntax"), e.guestMessage());
    }

    @Test
    void check_surfacesSyntaxError() {
        Script script = py("steps/bad-check.py", "def transform(msg):\n    return (\n\nx = 1\n");

        ScriptException e = assertThrows(ScriptException.class, () -> sandbox.check(script));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertEquals("steps/bad-check.py", e.location().file());
    }

    @Test
    void check_acceptsAValidScript() {
        assertDoesNotThrow(() -> sandbox.check(py("steps/fine.py", "def transform(msg, ctx):\n    return msg\n")));
    }

    @Test
    void call_reportsMissingTransform_asSyntax() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> callWithLong(py("steps/none.py", "def other(msg):\n    return 1\n"), 1));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertEquals("the script must define a function: def transform(msg, ctx): ...", e.guestMessage());
        assertEquals("steps/none.py", e.location().file());
    }

    @Test
    void call_reportsRaisedError_asGuestErrorAtTheRaisingLine() {
        Script script = py("steps/boom.py", "def transform(msg):\n    x = 1\n    raise ValueError(\"boom\")\n");

        ScriptException e = assertThrows(ScriptException.class, () -> callWithLong(script, 1));

        assertEquals(ScriptException.Kind.GUEST_ERROR, e.kind());
        assertEquals("steps/boom.py", e.location().file());
        assertEquals(3, e.location().line());
        assertTrue(e.guestMessage().contains("boom"), e.guestMessage());
    }

    @Test
    void scripts_doNotSeeEachOthersModuleGlobals() {
        Script first = py("steps/first.py", "LIMIT = 1\ndef transform(msg):\n    return LIMIT\n");
        Script second = py("steps/second.py", "LIMIT = 2\ndef transform(msg):\n    return LIMIT\n");
        Script third = py("steps/third.py", "def transform(msg):\n    return 1 if 'LIMIT' in globals() else 0\n");

        assertEquals(1L, callWithLong(first, 0));
        assertEquals(2L, callWithLong(second, 0));
        assertEquals(1L, callWithLong(first, 0));
        assertEquals(0L, callWithLong(third, 0));
    }

    @Test
    void call_reusesTheLoadedFunction_keepingModuleState() {
        Script script = py("steps/counter.py", "count = 0\ndef transform(msg):\n    global count\n    count += 1\n    return count\n");

        assertEquals(1L, callWithLong(script, 0));
        assertEquals(2L, callWithLong(script, 0));
        assertEquals(3L, callWithLong(script, 0));
    }
}
