package dev.catena.host;

import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.catena.host.compile.CompiledChain;
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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChainLoadException(List.of(new Problem(file.toString(), 0, 0, "chain file not found")));
        } catch (IOException e) {
            throw new ChainLoadException(List.of(new Problem(file.toString(), 0, 0, "cannot read chain file: " + e.getMessage())));
        }
        return build(text, file.toString(), file.toAbsolutePath().getParent(), file, options, shared);
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
