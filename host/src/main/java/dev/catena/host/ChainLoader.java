package dev.catena.host;

import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.catena.host.compile.CompiledChain;
import dev.catena.host.spec.YamlNode;
import java.util.List;

/**
 * Turns a chain file into a running {@link Chain}: parses it, compiles the step graph and every
 * chain it calls, reads and compiles every script and condition, checks library parameters, and
 * reports all problems at once.
 */
public final class ChainLoader {
    private ChainLoader() {
    }

    /**
     * Loads a chain file; script paths are relative to its directory.
     *
     * @throws ChainLoadException listing every problem (file:line:column: message)
     */
    public static Chain load(Path file, HostOptions options) {
        return load(file, options, null);
    }

    /** Loads a chain file into a shared sandbox (see {@link #fromText(String, String, Path, HostOptions, Sandbox)}). */
    public static Chain load(Path file, HostOptions options, Sandbox shared) {
        return fromDocument(document(file, options), file, options, shared);
    }

    /**
     * Loads a chain from its already read document (see {@link #document}); scripts and called
     * chains are read through {@code options.files()}.
     */
    public static Chain fromDocument(YamlNode root, Path file, HostOptions options, Sandbox shared) {
        Sandbox sandbox = shared != null ? shared : new Sandbox(options.sandbox());
        try {
            CompiledChain c = CompiledChain.compile(root, file.toString(), file.toAbsolutePath().getParent(), file, options, sandbox);
            sandbox.prewarm(c.languages());
            return new Chain(c.name(), file.toString(), c.steps(), options, shared == null ? sandbox : null, c.memoized(), c.resources());
        } catch (RuntimeException e) {
            if (shared == null) {
                sandbox.close();
            }
            throw e;
        }
    }

    /**
     * The chain document as loaded: the file with {@code ${...}} resolved, and, when the options
     * name a profile, {@code <name>.<profile>.yaml} beside it merged over it.
     *
     * @throws ChainLoadException when a file is missing, unreadable, not YAML, or a reference is unresolved
     */
    public static YamlNode document(Path file, HostOptions options) {
        YamlNode root = YamlNode.parse(options.template().apply(read(file, options, "chain file"), file.toString()), file.toString());
        String profile = options.template().profile();
        if (profile != null && !profile.isBlank()) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path overlay = file.resolveSibling(dot < 0 ? name + "." + profile : name.substring(0, dot) + "." + profile + name.substring(dot));
            if (options.files().exists(overlay)) {
                YamlNode o = YamlNode.parse(options.template().apply(read(overlay, options, "overlay"), overlay.toString()), overlay.toString());
                root = YamlNode.merge(root, o);
            }
        }
        return root;
    }

    private static String read(Path file, HostOptions options, String what) {
        try {
            return options.files().read(file);
        } catch (NoSuchFileException e) {
            throw new ChainLoadException(List.of(new Problem(file.toString(), 0, 0, what + " not found")));
        } catch (IOException e) {
            throw new ChainLoadException(List.of(new Problem(file.toString(), 0, 0, "cannot read " + what + ": " + e.getMessage())));
        }
    }

    /**
     * Loads a chain from YAML text (an inline chain); script paths are relative to {@code baseDir}.
     *
     * @throws ChainLoadException listing every problem
     */
    public static Chain fromText(String yaml, String displayName, Path baseDir, HostOptions options) {
        return fromText(yaml, displayName, baseDir, options, null);
    }

    /**
     * Loads a chain whose scripts run in a sandbox shared with other chains (its contexts and
     * compiled scripts are reused); closing the chain leaves the sandbox open.
     *
     * @throws ChainLoadException listing every problem
     */
    public static Chain fromText(String yaml, String displayName, Path baseDir, HostOptions options, Sandbox shared) {
        return build(yaml, displayName, baseDir, null, options, shared);
    }

    private static Chain build(String yaml, String displayName, Path baseDir, Path file, HostOptions options, Sandbox shared) {
        Sandbox sandbox = shared != null ? shared : new Sandbox(options.sandbox());
        try {
            CompiledChain c = CompiledChain.compile(yaml, displayName, baseDir, file, options, sandbox);
            sandbox.prewarm(c.languages());
            return new Chain(c.name(), displayName, c.steps(), options, shared == null ? sandbox : null, c.memoized(), c.resources());
        } catch (RuntimeException e) {
            if (shared == null) {
                sandbox.close();
            }
            throw e;
        }
    }
}
