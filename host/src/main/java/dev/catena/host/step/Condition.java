package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.spec.ConditionSpec;
import dev.catena.sandbox.Language;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import dev.catena.sandbox.ScriptException;
import org.graalvm.polyglot.Value;

/**
 * A {@code when:} expression, compiled as a one-line guest function over {@code msg} and
 * {@code ctx}; errors are reported at the expression's place in the chain file.
 */
public final class Condition {
    private static final String JS_PREFIX = "export function transform(msg, ctx) { return Boolean(";
    private static final String PY_PREFIX = "def transform(msg, ctx): return bool(";

    private final String chain;
    private final String stepId;
    private final Script script;
    private final Sandbox sandbox;
    private final StepContextView context;

    public Condition(String chain, String stepId, String chainFile, ConditionSpec spec, Sandbox sandbox, StepContextView context) {
        this.chain = chain;
        this.stepId = stepId;
        this.sandbox = sandbox;
        this.context = context;
        String prefix = spec.language() == Language.JS ? JS_PREFIX : PY_PREFIX;
        String code = prefix + spec.expression().replace('\n', ' ') + (spec.language() == Language.JS ? "); }" : ")");
        this.script = Script.embedded(spec.language(), chainFile, code, spec.line() - 1, prefix.length() + 1 - spec.column());
    }

    public Script script() {
        return script;
    }

    /** Whether the step applies to this record (the expression's truthiness in its own language). */
    public boolean test(Message m) {
        try {
            return sandbox.call(script, fn -> truthy(fn.execute(new MessageView(m), context)));
        } catch (ScriptException e) {
            throw new StepFailure(chain, stepId, ErrorClass.of(e.kind()), e.location(), m.describe(),
                    "in 'when': " + e.guestMessage(), e);
        }
    }

    private static boolean truthy(Value v) {
        return v != null && v.isBoolean() && v.asBoolean();
    }
}
