package dev.catena.host.compile;

import dev.catena.host.HostOptions;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.spi.Extensions;
import dev.catena.host.step.MemoizedStep;
import dev.catena.host.step.Step;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import dev.catena.sandbox.ScriptException;
import dev.catena.sandbox.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A chain file compiled into its step graph with every script checked.
 *
 * @param name      chain name ({@code chain:}, else the file name)
 * @param steps     top-level steps
 * @param memoized  memoized steps, for their statistics
 * @param languages languages the chain's scripts use (their pools are pre-warmed)
 * @param resources what extension steps asked to be closed with the chain
 */
public record CompiledChain(String name, List<Step> steps, List<MemoizedStep> memoized, Set<Language> languages,
        List<AutoCloseable> resources) {

    /**
     * @param file the chain file when loaded from one (for call-cycle detection), else null
     * @throws ChainLoadException listing every problem, sorted by file and line
     */
    public static CompiledChain compile(String yaml, String displayName, Path baseDir, Path file, HostOptions options, Sandbox sandbox) {
        return compile(YamlNode.parse(yaml, displayName), displayName, baseDir, file, options, sandbox);
    }

    /** Compiles an already parsed (and possibly overlaid) chain document. */
    public static CompiledChain compile(YamlNode root, String displayName, Path baseDir, Path file, HostOptions options, Sandbox sandbox) {
        if (!root.isMap()) {
            throw new ChainLoadException(List.of(root.problem("a chain file must be a map with 'chain' and 'steps', found " + root.kindName())));
        }
        String name = root.get("chain") != null && root.get("chain").scalar() instanceof String s ? s
                : Path.of(displayName).getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        List<Problem> problems = new ArrayList<>();
        if (root.get("chain") != null && !(root.get("chain").scalar() instanceof String)) {
            problems.add(root.get("chain").problem("'chain' must be a name (a string)"));
        }
        List<Script> scripts = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        ChainRegistry registry = new ChainRegistry(options);
        if (file != null) {
            registry.enterRoot(file);
        }
        Scope scope = new Scope(name, displayName, sandbox, problems, scripts, Extensions.load(CompiledChain.class.getClassLoader()), resources);
        ChainCompiler compiler = new ChainCompiler(scope, baseDir, options, registry);
        List<Step> steps = compiler.chain(root);
        registry.defineRoot(new dev.catena.host.step.Sequence(name, steps));
        Set<Language> languages = EnumSet.noneOf(Language.class);
        Set<String> checked = new HashSet<>();
        for (Script script : scripts) {
            languages.add(script.language());
            if (!checked.add(script.id())) {
                continue;
            }
            try {
                sandbox.check(script);
            } catch (ScriptException e) {
                SourceLocation loc = e.location() == null ? new SourceLocation(script.name(), 0, 0) : e.location();
                problems.add(new Problem(loc.file(), loc.line(), loc.column(), e.guestMessage()));
            }
        }
        if (!problems.isEmpty()) {
            closeAll(resources);
            problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ChainLoadException(problems);
        }
        List<MemoizedStep> memoized = new ArrayList<>(compiler.memoized());
        registry.compilers().forEach(c -> memoized.addAll(c.memoized()));
        return new CompiledChain(name, steps, memoized, languages, resources);
    }

    /** Closes extension resources, ignoring failures (they are being discarded). */
    public static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // best effort: the chain is being discarded
            }
        }
    }
}
