package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import dev.catena.sandbox.ScriptException;
import java.util.regex.Pattern;

/**
 * A JS or Python expression over {@code msg} and {@code ctx}, compiled as a one-line guest
 * function; its truthiness in its own language decides. Errors are reported at the
 * expression's place in the chain file. A literal ({@code true}, {@code False}, {@code 0}) is
 * folded to a constant at load and never enters a guest.
 */
public final class ScriptCondition implements Condition {
    private static final String JS_PREFIX = "export function transform(msg, ctx) { return Boolean(";
    private static final String PY_PREFIX = "def transform(msg, ctx): return bool(";
    private static final Pattern JS_LITERAL = Pattern.compile("\\s*(true|false|null|undefined|-?\\d+(\\.\\d+)?|'[^']*'|\"[^\"]*\")\\s*");
    private static final Pattern PY_LITERAL = Pattern.compile("\\s*(True|False|None|-?\\d+(\\.\\d+)?|'[^']*'|\"[^\"]*\")\\s*");

    private final String chain;
    private final String stepId;
    private final String expression;
    private final Script script;
    private final Sandbox sandbox;
    private final StepContextView context;
    private final Boolean constant;

    public ScriptCondition(String chain, String stepId, String chainFile, Language language, String expression,
            int line, int column, Sandbox sandbox, StepContextView context) {
        this.chain = chain;
        this.stepId = stepId;
        this.expression = expression;
        this.sandbox = sandbox;
        this.context = context;
        String prefix = language == Language.JS ? JS_PREFIX : PY_PREFIX;
        String code = prefix + expression.replace('\n', ' ') + (language == Language.JS ? "); }" : ")");
        this.script = Script.embedded(language, chainFile, code, line - 1, prefix.length() + 1 - column);
        this.constant = literal(language, expression.strip());
    }

    private static Boolean literal(Language language, String e) {
        if (!(language == Language.JS ? JS_LITERAL : PY_LITERAL).matcher(e).matches()) {
            return null;
        }
        if (e.startsWith("'") || e.startsWith("\"")) {
            return e.length() > 2;
        }
        return switch (e) {
            case "true", "True" -> true;
            case "false", "False", "null", "undefined", "None" -> false;
            default -> Double.parseDouble(e) != 0;
        };
    }

    /** The guest function to compile at load (null when folded to a constant). */
    public Script script() {
        return constant == null ? script : null;
    }

    @Override
    public Boolean constant() {
        return constant;
    }

    @Override
    public boolean test(Message m, Exec x) {
        if (constant != null) {
            return constant;
        }
        try {
            return sandbox.call(script, fn -> {
                var v = fn.execute(MessageView.readOnly(m), context);
                return v.isBoolean() && v.asBoolean();
            });
        } catch (ScriptException e) {
            throw new StepFailure(chain, stepId, ErrorClass.of(e.kind()), e.location(), m.describe(),
                    "in condition '" + expression + "': " + e.guestMessage(), e);
        }
    }

    @Override
    public String describe() {
        return expression;
    }
}
