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

/** A JS or Python expression yielding a value, compiled as a one-line guest function. */
public final class ScriptExpression implements Expression {
    private static final String JS_PREFIX = "export function transform(msg, ctx) { return (";
    private static final String PY_PREFIX = "def transform(msg, ctx): return (";

    private final String chain;
    private final String stepId;
    private final String expression;
    private final Script script;
    private final Sandbox sandbox;
    private final StepContextView context;

    public ScriptExpression(String chain, String stepId, String chainFile, Language language, String expression,
            int line, int column, Sandbox sandbox, StepContextView context) {
        this.chain = chain;
        this.stepId = stepId;
        this.expression = expression;
        this.sandbox = sandbox;
        this.context = context;
        String prefix = language == Language.JS ? JS_PREFIX : PY_PREFIX;
        String code = prefix + expression.replace('\n', ' ') + (language == Language.JS ? "); }" : ")");
        this.script = Script.embedded(language, chainFile, code, line - 1, prefix.length() + 1 - column);
    }

    public Script script() {
        return script;
    }

    @Override
    public Object eval(Message m, Exec x) {
        try {
            return sandbox.call(script, fn -> GuestValues.unwrap(fn.execute(MessageView.readOnly(m), context)));
        } catch (ScriptException e) {
            throw new StepFailure(chain, stepId, ErrorClass.of(e.kind()), e.location(), m.describe(),
                    "in expression '" + expression + "': " + e.guestMessage(), e);
        }
    }

    @Override
    public String describe() {
        return expression;
    }
}
