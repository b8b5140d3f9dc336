package dev.catena.host.compile;

import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import java.util.List;

/** What compiling one chain file shares: its name and file, the sandbox, and where problems and scripts go. */
record Scope(String chain, String file, Sandbox sandbox, List<Problem> problems, List<Script> scripts) {

    void problem(YamlNode at, String message) {
        problems.add(at.problem(message));
    }

    void check(Script s) {
        scripts.add(s);
    }
}
