package dev.catena.host.compile;

import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.HostOptions;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.step.LibraryStep;
import dev.catena.host.step.ScriptStep;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Script;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Builds script steps ({@code js:}, {@code py:}) and library steps ({@code lib:}) of one chain file. */
final class ScriptSteps {
    private static final Logger LOG = Logger.getLogger(ScriptSteps.class.getName());

    private final Scope scope;
    private final Path baseDir;
    private final HostOptions options;
    private final ClassLoader loader = ScriptSteps.class.getClassLoader();

    ScriptSteps(Scope scope, Path baseDir, HostOptions options) {
        this.scope = scope;
        this.baseDir = baseDir;
        this.options = options;
    }

    StepContextView context(String id, Map<String, Object> params) {
        String chain = scope.chain();
        return new StepContextView(params, chain, id, options.clock(),
                (level, text) -> LOG.info(() -> "[" + chain + "/" + id + "] " + level + ": " + text));
    }

    /** A js:/py:/lib: step, or null when it has problems (reported). */
    ScriptStep script(YamlNode n, String kind, String id) {
        YamlNode target = n.get(kind);
        if (!(target.scalar() instanceof String name) || name.isBlank()) {
            scope.problem(target, "'" + kind + "' takes " + (kind.equals("lib") ? "a library step name" : "a script path"));
            return null;
        }
        boolean split = n.get("split") != null && Boolean.TRUE.equals(n.get("split").scalar());
        if (n.get("split") != null && !(n.get("split").scalar() instanceof Boolean)) {
            scope.problem(n.get("split"), "'split' must be true or false");
        }
        if (kind.equals("lib")) {
            return library(n, name, id);
        }
        Map<String, Object> params = params(n, "params");
        Path path = baseDir.resolve(name).normalize();
        // scripts are named as the user reaches them: beside the chain file as it was given
        String display = Path.of(scope.file()).resolveSibling(name).normalize().toString();
        String code;
        try {
            code = options.files().read(path);
        } catch (NoSuchFileException e) {
            scope.problem(n, "step '" + id + "': script not found: " + name + " (looked at " + path + ")");
            return null;
        } catch (IOException e) {
            scope.problem(n, "step '" + id + "': cannot read " + name + ": " + e.getMessage());
            return null;
        }
        Script script = Script.of(Language.fromKey(kind), display, code);
        scope.check(script);
        return new ScriptStep(scope.chain(), id, script, scope.sandbox(), context(id, params), split);
    }

    private ScriptStep library(YamlNode n, String name, String id) {
        Language language = Language.JS;
        if (n.get("lang") != null) {
            try {
                language = Language.fromKey(String.valueOf(n.get("lang").scalar()));
            } catch (IllegalArgumentException e) {
                scope.problem(n.get("lang"), e.getMessage());
            }
        }
        LibraryStep lib = LibraryStep.find(name, loader);
        if (lib == null) {
            scope.problem(n, "step '" + id + "': no library step named '" + name + "'");
            return null;
        }
        List<String> msgs = new ArrayList<>();
        Map<String, Object> params = lib.bind(params(n, "with"), msgs);
        msgs.forEach(m -> scope.problem(n, "step '" + id + "': " + m));
        String code = lib.source(language, loader);
        if (code == null) {
            scope.problem(n, "step '" + id + "': library step '" + name + "' has no " + language.displayName() + " implementation");
            return null;
        }
        Script script = Script.of(language, lib.scriptName(language), code);
        scope.check(script);
        boolean split = n.get("split") != null && Boolean.TRUE.equals(n.get("split").scalar());
        return new ScriptStep(scope.chain(), id, script, scope.sandbox(), context(id, params), split);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> params(YamlNode n, String key) {
        YamlNode v = n.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!v.isMap()) {
            scope.problem(v, "'" + key + "' must be a map, found " + v.kindName());
            return Map.of();
        }
        return new LinkedHashMap<>((Map<String, Object>) v.toNeutral());
    }
}
