package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a Python script may not do: files, processes, sockets, threads, host classes, other languages, the environment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonSandboxPolicyTest {
    private static final Script HEALTHY = Script.of(Language.PYTHON, "healthy.py", "def transform(x):\n    return x + 1\n");

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

    @AfterEach
    void sandboxStillServesCalls() {
        assertEquals(2L, sandbox.<Long>call(HEALTHY, fn -> fn.execute(1).asLong()));
    }

    private ScriptException refused(String name, String code) {
        Script script = Script.of(Language.PYTHON, name, code);
        return assertThrows(ScriptException.class, () -> sandbox.call(script, fn -> fn.execute(1).toString()));
    }

    private static void assertViolation(ScriptException e, String expectedText) {
        assertEquals(ScriptException.Kind.SANDBOX_VIOLATION, e.kind(), e::getMessage);
        assertTrue(e.guestMessage().startsWith("forbidden by the sandbox: "), e.guestMessage());
        assertTrue(e.guestMessage().contains(expectedText), e.guestMessage());
    }

    @Test
    void openOfAHostFile_isRefused() {
        assertViolation(refused("open.py", "def transform(msg):\n    return open('/etc/passwd').read()\n"),
                "PermissionError: [Errno 1] Operation not permitted: '/etc/passwd'");
    }

    @Test
    void osSystem_isRefused() {
        assertViolation(refused("system.py", "import os\ndef transform(msg):\n    return os.system('id')\n"),
                "Process creation is not allowed");
    }

    @Test
    void socketCreation_isRefused() {
        assertViolation(refused("socket.py", "import socket\ndef transform(msg):\n    return str(socket.socket())\n"),
                "socket was excluded");
    }

    @Test
    void subprocessRun_isRefused() {
        assertViolation(refused("subprocess.py", "import subprocess\ndef transform(msg):\n    return str(subprocess.run(['id']))\n"),
                "Operation not permitted");
    }

    @Test
    void threadStart_isRefused() {
        assertViolation(refused("thread.py", "import threading\ndef work():\n    pass\n"
                + "def transform(msg):\n    threading.Thread(target=work).start()\n    return 'started'\n"),
                "Creating threads is not allowed");
    }

    @Test
    void javaType_isRefused() {
        assertViolation(refused("java.py", "import java\ndef transform(msg):\n    return java.type('java.lang.System')\n"),
                "host lookup is not allowed");
    }

    @Test
    void polyglotEval_isRefused() {
        assertViolation(refused("polyglot.py", "import polyglot\ndef transform(msg):\n"
                + "    return polyglot.eval(language='js', string='1')\n"), "polyglot access is not allowed");
    }

    @Test
    void listdirOfRoot_isRefused() {
        assertViolation(refused("listdir.py", "import os\ndef transform(msg):\n    return str(os.listdir('/'))\n"),
                "PermissionError: [Errno 1] Operation not permitted: '/'");
    }

    @Test
    void environ_showsNoHostVariable() {
        Script script = Script.of(Language.PYTHON, "environ.py", "import os\ndef transform(msg):\n    return list(os.environ.keys())\n");

        List<String> names = sandbox.call(script, fn -> readStrings(fn.execute(1)));

        Set<String> leaked = new HashSet<>(names);
        leaked.retainAll(System.getenv().keySet());
        assertEquals(Set.of(), leaked);
        // GraalPy itself puts this one variable into every context's environment
        assertTrue(Set.of("UNSAFE_PYO3_SKIP_VERSION_CHECK").containsAll(names), names::toString);
    }

    private static List<String> readStrings(Value array) {
        String[] out = new String[(int) array.getArraySize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.getArrayElement(i).asString();
        }
        return List.of(out);
    }
}
