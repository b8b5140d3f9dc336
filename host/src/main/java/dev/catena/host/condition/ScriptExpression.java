package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.bindings.guest.GuestValues;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import dev.catena.sandbox.ScriptException;
import java.util.function.Function;
import org.graalvm.polyglot.Value;

/**
 * A JS or Python expression over {@code msg} and {@code ctx}, compiled as a one-line guest
 * function whose errors are placed at the expression in the chain file. Conditions
 * ({@link ScriptCondition}) wrap it in the language's own truth test.
 */
public final class ScriptExpression implements Expression {
    private final String chain;
    private final String stepId;
    private final String expression;
    private final String what;
    private final Script script;
    private final Sandbox sandbox;
    private final StepContextView context;

    public ScriptExpression(String chain, String stepId, String chainFile, Language language, String expression,
            int line, int column, Sandbox sandbox, StepContextView context) {
        this(chain, stepId, chainFile, language, expression, line, column, sandbox, context, "", "", "expression");
    }

    /** With {@code jsWrap}/{@code pyWrap} (a function name such as {@code Boolean}) applied to the expression's value. */
    ScriptExpression(String chain, String stepId, String chainFile, Language language, String expression, int line, int column,
            Sandbox sandbox, StepContextView context, String jsWrap, String pyWrap, String what) {
        this.chain = chain;
        this.stepId = stepId;
        this.expression = expression;
        this.what = what;
        this.sandbox = sandbox;
        this.context = context;
        String prefix = language == Language.JS
                ? "export function transform(msg, ctx) { return " + jsWrap + "("
                : "def transform(msg, ctx): return " + pyWrap + "(";
        String code = prefix + expression.replace('\n', ' ') + (language == Language.JS ? "); }" : ")");
        this.script = Script.embedded(language, chainFile, code, line - 1, prefix.length() + 1 - column);
    }

    public Script script() {
        return script;
    }

    @Override
    public Object eval(Message m, Exec x) {
        return call(m, GuestValues::unwrap);
    }

    /** Runs the expression on a record (read in place, never copied) and converts its value while in the guest. */
    <T> T call(Message m, Function<Value, T> convert) {
        try {
            return sandbox.call(script, fn -> convert.apply(fn.execute(MessageView.readOnly(m), context)));
        } catch (ScriptException e) {
            throw new StepFailure(chain, stepId, ErrorClass.of(e.kind()), e.location(), m.describe(),
                    "in " + what + " '" + expression + "': " + e.guestMessage(), e);
        }
    }

    @Override
    public String describe() {
        return expression;
    }
}
