package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** JavaScript scripts through {@link Sandbox#call}: results, load errors, guest errors and the statement limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxJsTest {
    private static final long STATEMENT_LIMIT = 10_000;

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofSeconds(20))
                .withStatementLimit(STATEMENT_LIMIT));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private static Script js(String name, String code) {
        return Script.of(Language.JS, name, code);
    }

    private long callWithLong(Script script, long argument) {
        return sandbox.call(script, fn -> fn.execute(argument).asLong());
    }

    @Test
    void call_runsTransform_onTheMessageView() {
        Script script = js("steps/total.js", """
                export function transform(msg, ctx) {
                  msg.value.total = msg.value.qty * msg.value.price;
                  msg.headers.set("priced", "yes");
                  return msg;
                }
                """);

        List<Message> out = Fixtures.transform(sandbox, script, Fixtures.order(3, 7));

        assertEquals(1, out.size());
        assertEquals(Map.of("qty", 3L, "price", 7L, "total", 21L), out.get(0).value());
        assertEquals("yes", out.get(0).headers().get("priced"));
        assertEquals("orders", out.get(0).topic());
    }

    @Test
    void call_returnsPlainValues_fromTransform() {
        assertEquals(43L, callWithLong(js("double.js", "export function transform(x) { return x * 2 + 1; }"), 21));
    }

    @Test
    void call_reusesTheLoadedModule_keepingItsState() {
        Script script = js("counter.js", "let calls = 0;\nexport function transform() { return ++calls; }\n");

        assertEquals(1L, callWithLong(script, 0));
        assertEquals(2L, callWithLong(script, 0));
    }

    @Test
    void call_reportsSyntaxError_withFileLineAndColumn() {
        Script script = js("steps/bad.js", "export function transform(msg) {\n  let x = 1;\n  return x +* ;\n}\n");

        ScriptException e = assertThrows(ScriptException.class, () -> callWithLong(script, 1));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertEquals(new SourceLocation("steps/bad.js", 3, 13), e.location());
        assertTrue(e.guestMessage().contains("Expected an operand but found *"), e.guestMessage());
        assertTrue(e.getMessage().startsWith("steps/bad.js:3:13: "), e.getMessage());
    }

    @Test
    void check_surfacesSyntaxError() {
        Script script = js("steps/bad-check.js", "export function transform(msg) {\n  return {;\n}\n");

        ScriptException e = assertThrows(ScriptException.class, () -> sandbox.check(script));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertEquals("steps/bad-check.js", e.location().file());
        assertEquals(2, e.location().line());
        assertTrue(e.location().column() > 0, e.location()::toString);
    }

    @Test
    void check_acceptsAValidScript() {
        assertDoesNotThrow(() -> sandbox.check(js("steps/fine.js", "export function transform(msg) { return msg; }")));
    }

    @Test
    void call_reportsMissingTransform_asSyntax() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> callWithLong(js("steps/none.js", "export function other(msg) { return msg; }\n"), 1));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertEquals("the script must export a function: export function transform(msg, ctx) { ... }", e.guestMessage());
        assertEquals("steps/none.js", e.location().file());
    }

    @Test
    void call_reportsNonFunctionTransform_asSyntax() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> callWithLong(js("steps/const.js", "export const transform = 5;\n"), 1));

        assertEquals(ScriptException.Kind.SYNTAX, e.kind());
        assertTrue(e.guestMessage().startsWith("the script must export a function"), e.guestMessage());
    }

    @Test
    void call_reportsThrownError_asGuestErrorAtTheThrowingLine() {
        Script script = js("steps/boom.js", "export function transform(msg) {\n  const x = 1;\n  throw new Error(\"boom\");\n}\n");

        ScriptException e = assertThrows(ScriptException.class, () -> callWithLong(script, 1));

        assertEquals(ScriptException.Kind.GUEST_ERROR, e.kind());
        assertEquals("steps/boom.js", e.location().file());
        assertEquals(3, e.location().line());
        assertTrue(e.guestMessage().contains("boom"), e.guestMessage());
        assertDoesNotThrow(() -> callWithLong(js("after-boom.js", "export function transform(x) { return x; }"), 1));
    }

    @Test
    void call_reportsRefusedViewWrite_asGuestErrorWithTheViewsMessage() {
        Script script = js("steps/topic.js", "export function transform(msg) {\n  msg.topic = 5;\n  return msg;\n}\n");

        ScriptException e = assertThrows(ScriptException.class, () -> Fixtures.transform(sandbox, script, Fixtures.order(1, 1)));

        assertEquals(ScriptException.Kind.GUEST_ERROR, e.kind());
        assertEquals("msg.topic must be a string, got 5", e.guestMessage());
    }

    @Test
    void call_reportsUnusableReturnValue_asBadResult() {
        Script script = js("steps/number.js", "export function transform(msg) { return 42; }\n");

        ScriptException e = assertThrows(ScriptException.class, () -> Fixtures.transform(sandbox, script, Fixtures.order(1, 1)));

        assertEquals(ScriptException.Kind.BAD_RESULT, e.kind());
        assertTrue(e.guestMessage().startsWith("transform must return the message"), e.guestMessage());
    }

    @Test
    void call_stopsLongLoop_atTheStatementLimit_andTheNextCallWorks() {
        Script loop = js("steps/busy.js", "export function transform(n) {\n  let s = 0;\n"
                + "  for (let i = 0; i < n; i++) { s += i; }\n  return s;\n}\n");

        ScriptException e = assertThrows(ScriptException.class, () -> callWithLong(loop, 10_000_000));

        assertEquals(ScriptException.Kind.STATEMENT_LIMIT, e.kind());
        assertEquals(3, e.location().line());
        assertEquals(4950L, callWithLong(loop, 100));
    }

    @Test
    void call_loadingANewScript_doesNotCountThePreviousCallsStatements() {
        // each loop iteration is 3 statements: 3,000 iterations use most of the 10,000 budget
        Script heavy = js("steps/heavy.js", "export function transform(n) {\n  let s = 0;\n"
                + "  for (let i = 0; i < n; i++) { s += i; }\n  return s;\n}\n");
        Script initialising = js("steps/init.js", "let table = 0;\nfor (let i = 0; i < 1000; i++) { table += i; }\n"
                + "export function transform() { return table; }\n");

        assertEquals(4_498_500L, callWithLong(heavy, 3_000));

        assertEquals(499_500L, callWithLong(initialising, 0));
    }
}
