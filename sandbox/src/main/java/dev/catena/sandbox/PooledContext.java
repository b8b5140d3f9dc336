package dev.catena.sandbox;

import java.io.OutputStream;
import java.util.HashMap;
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
            __catena_load
            """;

    final Language language;
    final Context context;
    private final Map<String, Value> functions = new HashMap<>();
    private final Value pythonLoader;
    private final boolean statementLimited;
    volatile boolean poisoned;

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
        this.pythonLoader = language == Language.PYTHON
                ? context.eval(Source.create("python", PY_LOADER))
                : null;
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

    void resetLimits() {
        if (statementLimited) {
            context.resetLimits();
        }
    }
}
