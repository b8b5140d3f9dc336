package dev.catena.host;

import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.ChainSpec;
import dev.catena.host.spec.ChainSpecParser;
import dev.catena.host.spec.Problem;
import dev.catena.host.spec.StepSpec;
import dev.catena.host.step.Condition;
import dev.catena.host.step.LibraryStep;
import dev.catena.host.step.ScriptStep;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import dev.catena.sandbox.ScriptException;
import dev.catena.sandbox.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns a chain file into a running {@link Chain}: parses it, reads every script, checks
 * library parameters, compiles every script and condition, and reports all problems at once.
 */
public final class ChainLoader {
    private static final Logger LOG = Logger.getLogger(ChainLoader.class.getName());

    private ChainLoader() {
    }

    /**
     * Loads a chain file; script paths are relative to its directory.
     *
     * @throws ChainLoadException listing every problem (file:line:column: message)
     */
    public static Chain load(Path file, HostOptions options) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChainLoadException(List.of(new Problem(file.toString(), 0, 0, "chain file not found")));
        } catch (IOException e) {
            throw new ChainLoadException(List.of(new Problem(file.toString(), 0, 0, "cannot read chain file: " + e.getMessage())));
        }
        Path base = file.toAbsolutePath().getParent();
        return fromText(text, file.toString(), base, options);
    }

    /**
     * Loads a chain from YAML text (an inline chain); script paths are relative to {@code baseDir}.
     *
     * @throws ChainLoadException listing every problem
     */
    public static Chain fromText(String yaml, String displayName, Path baseDir, HostOptions options) {
        return build(ChainSpecParser.parse(yaml, displayName, baseDir), options, null);
    }

    /**
     * Loads a chain whose scripts run in a sandbox shared with other chains (its contexts and
     * compiled scripts are reused); closing the chain leaves the sandbox open.
     *
     * @throws ChainLoadException listing every problem
     */
    public static Chain fromText(String yaml, String displayName, Path baseDir, HostOptions options, Sandbox shared) {
        return build(ChainSpecParser.parse(yaml, displayName, baseDir), options, shared);
    }

    private static Chain build(ChainSpec spec, HostOptions options, Sandbox shared) {
        List<Problem> problems = new ArrayList<>(spec.problems());
        Sandbox sandbox = shared != null ? shared : new Sandbox(options.sandbox());
        List<Chain.Link> links = new ArrayList<>();
        List<Script> toCheck = new ArrayList<>();
        Set<Language> languages = EnumSet.noneOf(Language.class);
        ClassLoader loader = ChainLoader.class.getClassLoader();
        for (StepSpec s : spec.steps()) {
            Script script = script(spec, s, loader, problems);
            Map<String, Object> params = s.params();
            if (s.kind() == StepSpec.Kind.LIB) {
                LibraryStep lib = LibraryStep.find(s.script(), loader);
                if (lib != null) {
                    List<String> msgs = new ArrayList<>();
                    params = lib.bind(s.params(), msgs);
                    msgs.forEach(m -> problems.add(new Problem(spec.file(), s.line(), s.column(), "step '" + s.id() + "': " + m)));
                }
            }
            String chainName = spec.name();
            StepContextView ctx = new StepContextView(params, chainName, s.id(), options.clock(),
                    (level, text) -> LOG.info(() -> "[" + chainName + "/" + s.id() + "] " + level + ": " + text));
            Condition when = s.when() == null ? null : new Condition(chainName, s.id(), spec.file(), s.when(), sandbox, ctx);
            if (when != null) {
                toCheck.add(when.script());
                languages.add(when.script().language());
            }
            if (script != null) {
                toCheck.add(script);
                languages.add(script.language());
                links.add(new Chain.Link(new ScriptStep(chainName, s.id(), script, sandbox, ctx), when, s.onError(), s.split()));
            }
        }
        for (Script script : toCheck) {
            try {
                sandbox.check(script);
            } catch (ScriptException e) {
                SourceLocation loc = e.location() == null ? new SourceLocation(script.name(), 0, 0) : e.location();
                problems.add(new Problem(loc.file(), loc.line(), loc.column(), e.guestMessage()));
            }
        }
        if (!problems.isEmpty()) {
            if (shared == null) {
                sandbox.close();
            }
            problems.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
            throw new ChainLoadException(problems);
        }
        sandbox.prewarm(languages);
        return new Chain(spec.name(), spec.file(), links, shared == null ? sandbox : null);
    }

    private static Script script(ChainSpec spec, StepSpec s, ClassLoader loader, List<Problem> problems) {
        if (s.kind() == StepSpec.Kind.LIB) {
            LibraryStep lib = LibraryStep.find(s.script(), loader);
            if (lib == null) {
                problems.add(new Problem(spec.file(), s.line(), s.column(), "step '" + s.id() + "': no library step named '"
                        + s.script() + "'"));
                return null;
            }
            String code = lib.source(s.language(), loader);
            if (code == null) {
                problems.add(new Problem(spec.file(), s.line(), s.column(), "step '" + s.id() + "': library step '"
                        + s.script() + "' has no " + s.language().displayName() + " implementation"));
                return null;
            }
            return Script.of(s.language(), lib.scriptName(s.language()), code);
        }
        Path path = spec.baseDir().resolve(s.script()).normalize();
        // scripts are named as the user reaches them: beside the chain file as it was given
        String display = Path.of(spec.file()).resolveSibling(s.script()).normalize().toString();
        try {
            return Script.of(s.language(), display, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            problems.add(new Problem(spec.file(), s.line(), s.column(), "step '" + s.id() + "': script not found: "
                    + s.script() + " (looked at " + path + ")"));
        } catch (IOException e) {
            problems.add(new Problem(spec.file(), s.line(), s.column(), "step '" + s.id() + "': cannot read "
                    + s.script() + ": " + e.getMessage()));
        }
        return null;
    }
}
