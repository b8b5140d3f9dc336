package dev.catena.host.compile;

import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.spi.CompileScope;
import dev.catena.host.spi.Extensions;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import java.util.List;

/**
 * What compiling one chain file shares: its name and file, the sandbox, the extensions found on
 * the class path, and where problems, scripts and resources to close go.
 */
record Scope(String chain, String file, Sandbox sandbox, List<Problem> problems, List<Script> scripts,
        Extensions extensions, List<AutoCloseable> resources) implements CompileScope {

    @Override
    public void problem(YamlNode at, String message) {
        problems.add(at.problem(message));
    }

    void check(Script s) {
        scripts.add(s);
    }

    @Override
    public void onClose(AutoCloseable resource) {
        resources.add(resource);
    }

    /** The same shared lists for another chain file. */
    Scope forFile(String chainName, String displayFile) {
        return new Scope(chainName, displayFile, sandbox, problems, scripts, extensions, resources);
    }
}
