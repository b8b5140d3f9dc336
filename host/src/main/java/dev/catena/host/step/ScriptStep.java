package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.ScriptException;
import dev.catena.sandbox.SourceLocation;
import dev.catena.sandbox.Script;
import java.util.List;
import org.graalvm.polyglot.Value;

/** A step whose transform is a JavaScript or Python function run in the sandbox. */
public final class ScriptStep implements Step {
    private final String chain;
    private final String id;
    private final Script script;
    private final Sandbox sandbox;
    private final StepContextView context;

    public ScriptStep(String chain, String id, Script script, Sandbox sandbox, StepContextView context) {
        this.chain = chain;
        this.id = id;
        this.script = script;
        this.sandbox = sandbox;
        this.context = context;
    }

    @Override
    public String id() {
        return id;
    }

    public Script script() {
        return script;
    }

    @Override
    public List<Message> apply(Message input) {
        long limit = sandbox.options().maxRecordBytes();
        if (Values.estimateSize(input.value(), limit) + Values.estimateSize(input.key(), limit) > limit) {
            throw failure(input, ErrorClass.BAD_DATA, null, "record is larger than the limit of " + limit + " bytes", null);
        }
        List<Message> out;
        try {
            out = sandbox.call(script, fn -> {
                MessageView view = new MessageView(input);
                Value returned = fn.execute(view, context);
                return view.results(returned);
            });
        } catch (ScriptException e) {
            throw failure(input, ErrorClass.of(e.kind()), e.location(), e.guestMessage(), e);
        }
        long maxOut = sandbox.options().maxOutputBytes();
        long size = 0;
        for (Message m : out) {
            size += Values.estimateSize(m.value(), maxOut) + Values.estimateSize(m.key(), maxOut);
            if (size > maxOut) {
                throw failure(input, ErrorClass.BAD_DATA, new SourceLocation(script.name(), 0, 0),
                        "output is larger than the limit of " + maxOut + " bytes", null);
            }
        }
        return out;
    }

    private StepFailure failure(Message input, ErrorClass cls, SourceLocation loc, String reason, Throwable cause) {
        return new StepFailure(chain, id, cls, loc, input.describe(), reason, cause);
    }
}
