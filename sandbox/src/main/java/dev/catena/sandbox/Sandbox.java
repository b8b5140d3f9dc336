package dev.catena.sandbox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Runs guest functions in pooled, sandboxed GraalVM contexts under per-call limits.
 *
 * <pre>{@code
 * try (Sandbox sandbox = new Sandbox(SandboxOptions.DEFAULT)) {
 *     Script s = Script.of(Language.JS, "double.js", "export function transform(x) { return x * 2; }");
 *     long r = sandbox.call(s, fn -> fn.execute(21).asLong());   // 42
 * }
 * }</pre>
 *
 * <p>Policy (GraalVM {@code SandboxPolicy.CONSTRAINED} plus {@code HostAccess.CONSTRAINED}):
 * no file or network IO, no host class lookup, no access to other languages, no threads,
 * processes, native access or environment. Guests see only the proxies the caller passes.
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxOptions options;
    private final Map<Language, ContextPool> pools = new EnumMap<>(Language.class);
    private final Watchdog watchdog = new Watchdog();
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catena-context-closer");
        t.setDaemon(true);
        return t;
    });

    public Sandbox(SandboxOptions options) {
        this.options = options;
    }

    public SandboxOptions options() {
        return options;
    }

    /** What a caller does with the guest function while it holds the context. */
    @FunctionalInterface
    public interface GuestCall<T> {
        /**
         * @param function the script's {@code transform} function; valid only during this call
         */
        T run(Value function);
    }

    /**
     * Calls a script's {@code transform} under the time and statement limits.
     *
     * @throws ScriptException for anything the script did wrong, with its location
     */
    public <T> T call(Script script, GuestCall<T> body) {
        return callAll(List.of(script), fns -> body.run(fns.get(0)));
    }

    /** What a caller does with several guest functions of one language in one context. */
    @FunctionalInterface
    public interface FusedCall<T> {
        /** @param functions the scripts' {@code transform} functions, in order; valid only during this call */
        T run(List<Value> functions);
    }

    /**
     * Calls several scripts of one language in one context under one time limit (fused steps).
     * A failure is reported against the script the guest stack points at.
     *
     * @throws ScriptException for anything the scripts did wrong, with its location
     */
    public <T> T callAll(List<Script> scripts, FusedCall<T> body) {
        Script script = scripts.get(0);
        ContextPool pool = pool(script.language());
        PooledContext pc = pool.borrow();
        Watchdog.Guard guard = null;
        try {
            List<Value> fns = pc.functions(scripts);
            if (fns == null) {
                List<Value> loaded = new ArrayList<>(scripts.size());
                for (Script s : scripts) {
                    script = s;
                    if (pc.isLoaded(s)) {
                        loaded.add(pc.function(s));
                    } else {
                        // loading runs the script's top level; it gets a generous limit of its own
                        guard = watchdog.arm(pc, loadTimeLimit(), options.interruptGrace());
                        // the top level's statements count from zero, not on top of the previous call's
                        pc.resetLimits();
                        loaded.add(pc.function(s));
                        guard.disarm();
                    }
                }
                fns = pc.remember(scripts, loaded);
            }
            script = scripts.get(0);
            guard = watchdog.arm(pc, options.timeLimit(), options.interruptGrace());
            pc.resetLimits();
            return body.run(fns);
        } catch (PolyglotException e) {
            if (scripts.size() > 1) {
                script = scriptOf(scripts, e);
            }
            boolean fired = guard != null && guard.fired();
            if (e.isCancelled() || e.isInterrupted() || e.isInternalError() || e.isResourceExhausted() || e.isExit()) {
                pc.poisoned = true;
            }
            throw ErrorMapper.map(e, script, fired, pc.language == Language.PYTHON ? pc.pythonLocation(e, script) : null);
        } catch (ScriptException e) {
            throw e;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new ScriptException(ScriptException.Kind.BAD_RESULT, new SourceLocation(script.name(), 0, 0), e.getMessage(), e);
        } catch (IllegalStateException e) {
            pc.poisoned = true;
            if (guard != null && guard.fired()) {
                throw new ScriptException(ScriptException.Kind.TIMEOUT, new SourceLocation(script.name(), 0, 0),
                        "time limit exceeded: the call was stopped", e);
            }
            throw new ScriptException(ScriptException.Kind.INTERNAL, new SourceLocation(script.name(), 0, 0),
                    "internal error: " + e.getMessage(), e);
        } finally {
            if (guard != null) {
                guard.disarm();
            }
            pool.release(pc);
        }
    }

    /** Among fused scripts, the one the guest stack points at (innermost frame), else the first. */
    private static Script scriptOf(List<Script> scripts, PolyglotException e) {
        if (e != null && e.getSourceLocation() != null) {
            String name = e.getSourceLocation().getSource().getName();
            for (Script s : scripts) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
        }
        if (e != null) {
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                if (f.isGuestFrame() && f.getSourceLocation() != null) {
                    String name = f.getSourceLocation().getSource().getName();
                    for (Script s : scripts) {
                        if (s.name().equals(name)) {
                            return s;
                        }
                    }
                }
            }
        }
        return scripts.get(0);
    }

    private java.time.Duration loadTimeLimit() {
        java.time.Duration floor = java.time.Duration.ofSeconds(30);
        return options.timeLimit().compareTo(floor) > 0 ? options.timeLimit() : floor;
    }

    /**
     * Parses and loads a script in one context, so syntax errors and a missing {@code transform}
     * surface at load time.
     *
     * @throws ScriptException of kind SYNTAX (or SANDBOX_VIOLATION for a forbidden import)
     */
    public void check(Script script) {
        call(script, fn -> null);
    }

    /** Creates the pool's contexts for these languages now. */
    public void prewarm(Iterable<Language> languages) {
        if (!options.prewarm()) {
            return;
        }
        for (Language l : languages) {
            pool(l).prewarm();
        }
    }

    private synchronized ContextPool pool(Language language) {
        return pools.computeIfAbsent(language, l -> new ContextPool(l, options, closer));
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(ContextPool::close);
        pools.clear();
        watchdog.close();
        closer.shutdown();
    }
}
