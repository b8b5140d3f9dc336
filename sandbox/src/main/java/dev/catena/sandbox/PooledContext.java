package dev.catena.sandbox;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One sandboxed context and the script functions loaded into it. Used by one thread at a time
 * (the pool guarantees it). Once {@link #poisoned} it is never used again.
 */
final class PooledContext {
    /** Loads a Python step in its own module namespace so steps never share globals. */
    private static final String PY_LOADER = """
            def __catena_load(code, filename):
                import types
                m = types.ModuleType(filename)
                m.__file__ = filename
                exec(compile(code, filename, "exec"), m.__dict__)
                return m.__dict__.get("transform")
            def __catena_where(e):
                out = []
                tb = e.__traceback__
                while tb is not None:
                    out.append([tb.tb_frame.f_code.co_filename, tb.tb_lineno or 0])
                    tb = tb.tb_next
                return out
            [__catena_load, __catena_where]
            """;

    final Language language;
    final Context context;
    private final Map<String, Value> functions = new HashMap<>();
    private static final int MAX_RUNS = 1024;
    private final Map<List<Script>, List<Value>> runs = new IdentityHashMap<>();
    private final Value pythonLoader;
    private final Value pythonWhere;
    private final boolean statementLimited;
    volatile boolean poisoned;
    /** This context's watchdog guard, made on its first call (owned by the borrower, handed over by the pool). */
    Watchdog.Guard guard;
    /** The thread that borrowed this context last (pool affinity; a weak hint, read under the pool's lock). */
    volatile Thread lastUser;

    PooledContext(Language language, SandboxOptions options) {
        this.language = language;
        Context.Builder b = Context.newBuilder(language.id())
                .engine(Engines.get(language))
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream());
        statementLimited = language == Language.JS && options.statementLimit() > 0;
        if (language == Language.JS) {
            b.option("js.esm-eval-returns-exports", "true");
            if (statementLimited) {
                b.resourceLimits(ResourceLimits.newBuilder()
                        .statementLimit(options.statementLimit(), s -> !s.isInternal())
                        .build());
            }
        }
        this.context = b.build();
        // initialise the language now (realm, builtins) so the first record does not pay for it
        context.initialize(language.id());
        if (language == Language.PYTHON) {
            Value helpers = context.eval(Source.create("python", PY_LOADER));
            this.pythonLoader = helpers.getArrayElement(0);
            this.pythonWhere = helpers.getArrayElement(1);
        } else {
            this.pythonLoader = null;
            this.pythonWhere = null;
        }
    }

    /**
     * The functions of a run of several scripts loaded before, by the list's identity (a fused
     * step passes the same list on every call), or null: one lookup per call instead of one per
     * script. One script is looked up by its id (callers make a new one-element list per call).
     */
    List<Value> functions(List<Script> scripts) {
        if (scripts.size() == 1) {
            Value fn = functions.get(scripts.get(0).id());
            return fn == null ? null : List.of(fn);
        }
        return runs.get(scripts);
    }

    List<Value> remember(List<Script> scripts, List<Value> functions) {
        List<Value> fns = List.copyOf(functions);
        if (scripts.size() > 1) {
            if (runs.size() >= MAX_RUNS) {
                runs.clear();   // old chain versions' runs; their scripts stay loaded
            }
            runs.put(scripts, fns);
        }
        return fns;
    }

    boolean isLoaded(Script script) {
        return functions.containsKey(script.id());
    }

    /** The script's {@code transform} function in this context, evaluating the script on first use. */
    Value function(Script script) {
        Value fn = functions.get(script.id());
        if (fn != null) {
            return fn;
        }
        Value loaded;
        if (language == Language.JS) {
            Source src = Source.newBuilder("js", script.code(), script.name())
                    .mimeType("application/javascript+module")
                    .buildLiteral();
            Value exports = context.eval(src);
            loaded = exports.getMember("transform");
        } else {
            loaded = pythonLoader.execute(script.code(), script.name());
        }
        if (loaded == null || loaded.isNull() || !loaded.canExecute()) {
            throw new ScriptException(ScriptException.Kind.SYNTAX, new SourceLocation(script.name(), 0, 0),
                    language == Language.JS ? "the script must export a function: export function transform(msg, ctx) { ... }"
                            : "the script must define a function: def transform(msg, ctx): ...", null);
        }
        functions.put(script.id(), loaded);
        return loaded;
    }

    /**
     * The innermost traceback entry of a Python exception that lies in the script (GraalPy's
     * polyglot frames span the whole function, its traceback has the line). The column is the
     * statement's first character. Null when not found or the context is unusable.
     */
    SourceLocation pythonLocation(org.graalvm.polyglot.PolyglotException e, Script script) {
        if (pythonWhere == null || poisoned || !e.isGuestException() || e.getGuestObject() == null) {
            return null;
        }
        try {
            Value frames = pythonWhere.execute(e.getGuestObject());
            for (long i = frames.getArraySize() - 1; i >= 0; i--) {
                Value f = frames.getArrayElement(i);
                if (script.name().equals(f.getArrayElement(0).asString())) {
                    int line = f.getArrayElement(1).asInt();
                    return new SourceLocation(script.name(), line + script.lineOffset(), statementColumn(script, line));
                }
            }
        } catch (RuntimeException ignored) {
            // no traceback to read (e.g. a host exception); the caller falls back to the stack
        }
        return null;
    }

    private static int statementColumn(Script script, int line) {
        String[] lines = script.code().split("\n", -1);
        if (line < 1 || line > lines.length) {
            return 0;
        }
        String l = lines[line - 1];
        int i = 0;
        while (i < l.length() && Character.isWhitespace(l.charAt(i))) {
            i++;
        }
        int col = i + 1;
        return line == 1 ? Math.max(1, col - script.columnOffset()) : col;
    }

    void resetLimits() {
        if (statementLimited) {
            context.resetLimits();
        }
    }
}
