package dev.catena.host.compile;

import dev.catena.host.HostOptions;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.step.Sequence;
import dev.catena.host.step.StatefulStep;
import dev.catena.host.step.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The chain files reached from a root chain by {@code call:}, {@code dispatch:} and fallbacks:
 * each compiled once, all into one sandbox. A {@code call} that leads back to a chain still being
 * compiled is a cycle and refused at load; a {@code dispatch} may recurse (bounded at run time).
 */
final class ChainRegistry {
    private final HostOptions options;
    private final Map<Path, Step> loaded = new HashMap<>();
    private final Deque<Path> compiling = new ArrayDeque<>();
    private final List<ChainCompiler> compilers = new ArrayList<>();

    ChainRegistry(HostOptions options) {
        this.options = options;
    }

    private Path root;

    void enterRoot(Path file) {
        root = file.toAbsolutePath().normalize();
        compiling.push(root);
    }

    /** The root chain's compiled steps, for dispatch and fallback references back to it. */
    void defineRoot(Step steps) {
        if (root != null) {
            loaded.put(root, steps);
        }
    }

    List<ChainCompiler> compilers() {
        return compilers;
    }

    /**
     * The steps of another chain file, compiled now if need be.
     *
     * @param isCall a {@code call:} (cycles refused) rather than a dispatch or fallback target
     * @return a supplier of its steps, or null when it could not be compiled (problems reported)
     */
    Supplier<Step> reference(Path file, String written, YamlNode at, boolean isCall, Scope caller) {
        Path key = file.toAbsolutePath().normalize();
        if (compiling.contains(key)) {
            if (isCall) {
                List<Path> cycle = new ArrayList<>(compiling);
                java.util.Collections.reverse(cycle);
                int from = cycle.indexOf(key);
                String path = cycle.subList(from, cycle.size()).stream().map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(" -> ")) + " -> " + key.getFileName();
                caller.problem(at, "call cycle: " + path);
                return null;
            }
            return () -> loaded.get(key);
        }
        if (!loaded.containsKey(key)) {
            Step body = compile(key, Path.of(caller.file()).resolveSibling(written).normalize().toString(), at, caller);
            if (body == null) {
                return null;
            }
            loaded.put(key, body);
        }
        return () -> loaded.get(key);
    }

    private Step compile(Path file, String display, YamlNode at, Scope caller) {
        String text;
        try {
            text = options.template().apply(options.files().read(file), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            caller.problem(at, "chain file not found: " + file);
            return null;
        } catch (IOException e) {
            caller.problem(at, "cannot read chain file " + file + ": " + e.getMessage());
            return null;
        } catch (ChainLoadException e) {
            caller.problems().addAll(e.problems());
            return null;
        }
        YamlNode root;
        try {
            root = YamlNode.parse(text, display);
        } catch (ChainLoadException e) {
            caller.problems().addAll(e.problems());
            return null;
        }
        if (!root.isMap()) {
            caller.problem(root, "a chain file must be a map with 'steps'");
            return null;
        }
        String name = root.get("chain") != null && root.get("chain").scalar() instanceof String s ? s
                : file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        compiling.push(file);
        try {
            ChainCompiler c = new ChainCompiler(caller.forFile(name, display), file.getParent(), options, this);
            compilers.add(c);
            List<Step> steps = c.chain(root);
            for (Step s : steps) {
                if (s instanceof StatefulStep) {
                    caller.problem(at, "chain " + name + " holds records (" + s.id() + "); it cannot be called from another chain");
                }
            }
            return new Sequence(name, steps);
        } finally {
            compiling.pop();
        }
    }
}
