package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.exec.Exec;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import java.util.regex.Pattern;

/**
 * A JS or Python expression over {@code msg} and {@code ctx}, compiled as a one-line guest
 * function; its truthiness in its own language decides. Errors are reported at the
 * expression's place in the chain file. A literal ({@code true}, {@code False}, {@code 0}) is
 * folded to a constant at load and never enters a guest.
 */
public final class ScriptCondition implements Condition {
    private static final Pattern JS_LITERAL = Pattern.compile("\\s*(true|false|null|undefined|-?\\d+(\\.\\d+)?|'[^']*'|\"[^\"]*\")\\s*");
    private static final Pattern PY_LITERAL = Pattern.compile("\\s*(True|False|None|-?\\d+(\\.\\d+)?|'[^']*'|\"[^\"]*\")\\s*");

    private final ScriptExpression guest;
    private final Boolean constant;

    public ScriptCondition(String chain, String stepId, String chainFile, Language language, String expression,
            int line, int column, Sandbox sandbox, StepContextView context) {
        this.guest = new ScriptExpression(chain, stepId, chainFile, language, expression, line, column, sandbox, context,
                "Boolean", "bool", "condition");
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
        return constant == null ? guest.script() : null;
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
        return guest.call(m, v -> v.isBoolean() && v.asBoolean());
    }

    @Override
    public String describe() {
        return guest.describe();
    }
}
