package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a JavaScript script may not do: host classes, modules from disk, files, other languages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsSandboxPolicyTest {
    private static final Script HEALTHY = Script.of(Language.JS, "healthy.js", "export function transform(x) { return x + 1; }");

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofSeconds(20)));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @AfterEach
    void sandboxStillServesCalls() {
        assertEquals(2L, sandbox.<Long>call(HEALTHY, fn -> fn.execute(1).asLong()));
    }

    private ScriptException refused(String name, String code) {
        Script script = Script.of(Language.JS, name, code);
        return assertThrows(ScriptException.class, () -> sandbox.call(script, fn -> fn.execute(1).toString()));
    }

    @Test
    void javaType_isRefused() {
        ScriptException e = refused("java-type.js", "export function transform(msg) {\n  return Java.type('java.lang.System');\n}\n");

        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind());
        assertTrue(e.guestMessage().contains("Java is not defined"), e.guestMessage());
        assertEquals(2, e.location().line());
    }

    @Test
    void importFs_isRefusedAtLoad() {
        ScriptException e = refused("import-fs.js", "import fs from 'fs';\nexport function transform(msg) {\n  return 1;\n}\n");

        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind());
        assertTrue(e.guestMessage().contains("Operation is not allowed for: fs"), e.guestMessage());
    }

    @Test
    void importOfAHostFile_isRefusedAtLoad() {
        ScriptException e = refused("import-file.js", "import x from '/etc/passwd';\nexport function transform(msg) {\n  return 1;\n}\n");

        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind());
        assertTrue(e.guestMessage().contains("Operation is not allowed for: /etc/passwd"), e.guestMessage());
    }

    @Test
    void require_isRefused() {
        ScriptException e = refused("require.js", "export function transform(msg) {\n  return require('fs');\n}\n");

        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind());
        assertTrue(e.guestMessage().contains("require is not defined"), e.guestMessage());
    }

    @Test
    void loadOfAHostFile_isRefused() {
        ScriptException e = refused("load.js", "export function transform(msg) {\n  return load('/etc/passwd');\n}\n");

        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind());
        assertTrue(e.guestMessage().contains("Operation is not allowed for: /etc/passwd"), e.guestMessage());
        assertEquals(2, e.location().line());
    }

    @Test
    void polyglotEval_isRefused() {
        ScriptException e = refused("polyglot.js", "export function transform(msg) {\n  return Polyglot.eval('python', '1');\n}\n");

        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind());
        assertTrue(e.guestMessage().contains("Polyglot is not defined"), e.guestMessage());
    }
}
