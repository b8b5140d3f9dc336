package dev.catena.sandbox;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExploreTest {
    static void tryIt(Sandbox sb, Language l, String name, String code) {
        long t0 = System.nanoTime();
        try {
            Object r = sb.call(Script.of(l, name, code), fn -> {
                var v = fn.execute(1);
                return v.toString();
            });
            System.out.println("### " + name + " OK -> " + r);
        } catch (ScriptException e) {
            System.out.println("### " + name + " " + e.kind() + " loc=" + e.location() + " msg=" + e.getMessage());
            Throwable c = e.getCause();
            if (c instanceof org.graalvm.polyglot.PolyglotException pe) {
                System.out.println("    pe: syntax=" + pe.isSyntaxError() + " guest=" + pe.isGuestException() + " host=" + pe.isHostException()
                    + " internal=" + pe.isInternalError() + " cancelled=" + pe.isCancelled() + " interrupted=" + pe.isInterrupted() + " exhausted=" + pe.isResourceExhausted());
            }
        } catch (Throwable t) {
            System.out.println("### " + name + " THROWABLE " + t);
        }
        System.out.println("    ms=" + (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void explore() {
        System.out.println("impl js " + Engines.implementationName(Language.JS));
        try (Sandbox sb = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofSeconds(20)).withStatementLimit(10_000))) {
            Language J = Language.JS;
            tryIt(sb, J, "ok.js", "export function transform(x) { return x + 1; }");
            tryIt(sb, J, "syntax.js", "export function transform(msg) {\n  let x = 1;\n  return x +* ;\n}\n");
            tryIt(sb, J, "missing.js", "export function other(msg) { return 1; }\n");
            tryIt(sb, J, "boom.js", "export function transform(msg) {\n  const x = 1;\n  throw new Error(\"boom\");\n}\n");
            tryIt(sb, J, "stmt.js", "export function transform(msg) {\n  let s = 0;\n  for (let i = 0; i < 1e7; i++) { s += i; }\n  return s;\n}\n");
            tryIt(sb, J, "javatype.js", "export function transform(msg) {\n  return Java.type('java.lang.System');\n}\n");
            tryIt(sb, J, "importfs.js", "import fs from 'fs';\nexport function transform(msg) {\n  return 1;\n}\n");
            tryIt(sb, J, "importnodefs.js", "import fs from 'node:fs';\nexport function transform(msg) {\n  return 1;\n}\n");
            tryIt(sb, J, "importfile.js", "import x from '/etc/passwd';\nexport function transform(msg) {\n  return 1;\n}\n");
            tryIt(sb, J, "dynimport.js", "export async function transform(msg) {\n  return await import('fs');\n}\n");
            tryIt(sb, J, "require.js", "export function transform(msg) {\n  return require('fs');\n}\n");
            tryIt(sb, J, "load.js", "export function transform(msg) {\n  return load('/etc/passwd');\n}\n");
            tryIt(sb, J, "typeofload.js", "export function transform(msg) {\n  return typeof load + ' ' + typeof Java + ' ' + typeof Polyglot + ' ' + typeof require + ' ' + typeof print + ' ' + typeof read + ' ' + typeof readbuffer + ' ' + typeof quit;\n}\n");
            tryIt(sb, J, "polyglot.js", "export function transform(msg) {\n  return Polyglot.eval('python', '1');\n}\n");
            tryIt(sb, J, "ok2.js", "export function transform(x) { return x + 2; }");
        }
        try (Sandbox sb = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofSeconds(20)))) {
            Language P = Language.PYTHON;
            tryIt(sb, P, "ok.py", "def transform(x):\n    return x + 1\n");
            tryIt(sb, P, "syntax.py", "def transform(msg):\n    y = 1\n    return y +* 2\n");
            tryIt(sb, P, "indent.py", "def transform(msg):\n    y = 1\n      return y\n");
            tryIt(sb, P, "missing.py", "def other(msg):\n    return 1\n");
            tryIt(sb, P, "boom.py", "def transform(msg):\n    x = 1\n    raise ValueError(\"boom\")\n");
            tryIt(sb, P, "open.py", "def transform(msg):\n    return open('/etc/passwd').read()\n");
            tryIt(sb, P, "system.py", "import os\ndef transform(msg):\n    return os.system('id')\n");
            tryIt(sb, P, "socket.py", "import socket\ndef transform(msg):\n    return str(socket.socket())\n");
            tryIt(sb, P, "socket2.py", "def transform(msg):\n    import socket\n    return str(socket.socket())\n");
            tryIt(sb, P, "subprocess.py", "import subprocess\ndef transform(msg):\n    return str(subprocess.run(['id']))\n");
            tryIt(sb, P, "thread.py", "import threading\ndef f():\n    pass\ndef transform(msg):\n    t = threading.Thread(target=f)\n    t.start()\n    return 'started'\n");
            tryIt(sb, P, "java.py", "import java\ndef transform(msg):\n    return java.type('java.lang.System')\n");
            tryIt(sb, P, "java2.py", "def transform(msg):\n    import java\n    return java.type('java.lang.System')\n");
            tryIt(sb, P, "polyglot.py", "import polyglot\ndef transform(msg):\n    return polyglot.eval(language='js', string='1')\n");
            tryIt(sb, P, "polyglot2.py", "def transform(msg):\n    import polyglot\n    return polyglot.eval(language='js', string='1')\n");
            tryIt(sb, P, "listdir.py", "import os\ndef transform(msg):\n    return str(os.listdir('/'))\n");
            tryIt(sb, P, "environ.py", "import os\ndef transform(msg):\n    return str(dict(os.environ))\n");
            tryIt(sb, P, "ok2.py", "def transform(x):\n    return x + 2\n");
        }
    }
}
