package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import dev.catena.sandbox.Sandbox;
import dev.catena.sandbox.Script;
import dev.catena.sandbox.ScriptException;
import dev.catena.sandbox.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/** A step whose transform is a JavaScript or Python function run in the sandbox. */
public final class ScriptStep implements Fusible {
    private final String chain;
    private final String id;
    private final Script script;
    private final Sandbox sandbox;
    private final StepContextView context;
    private final boolean split;
    /** This step's script as the one-element list the sandbox caches loaded functions by. */
    private final List<Script> scripts;

    public ScriptStep(String chain, String id, Script script, Sandbox sandbox, StepContextView context, boolean split) {
        this.chain = chain;
        this.id = id;
        this.script = script;
        this.sandbox = sandbox;
        this.context = context;
        this.split = split;
        this.scripts = List.of(script);
    }

    @Override
    public String id() {
        return id;
    }

    public Script script() {
        return script;
    }

    @Override
    public boolean canSplit() {
        return split;
    }

    /** Another plain script step of the same language; neither may split. */
    @Override
    public boolean fusesWith(Step next) {
        return !split && next instanceof ScriptStep s && !s.split && s.script.language() == script.language();
    }

    @Override
    public Step fuse(List<Step> run) {
        List<ScriptStep> steps = new ArrayList<>(run.size());
        for (Step s : run) {
            steps.add((ScriptStep) s);
        }
        return new FusedStep(steps);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        checkSize(input);
        List<Message> out;
        try {
            out = sandbox.callAll(scripts, fns -> {
                MessageView view = new MessageView(input);
                Value returned = fns.get(0).execute(view, context);
                return view.results(returned);
            });
        } catch (ScriptException e) {
            throw new StepFailure(chain, id, ErrorClass.of(e.kind()), e.location(), input.describe(), e.guestMessage(), e);
        }
        checkResult(input, out);
        trace(x, out);
        return out;
    }

    /**
     * Runs several script steps of one language in one guest call: one context borrow, one
     * view; each function gets the previous one's message view. Only used where it cannot change
     * the outcome (see ChainCompiler's fusion rule).
     */
    static List<Message> applyFused(List<ScriptStep> steps, List<Script> scripts, Message input, Exec x) {
        ScriptStep first = steps.get(0);
        first.checkSize(input);
        String[] failed = {first.id};
        List<Message> out;
        try {
            out = first.sandbox.callAll(scripts, fns -> {
                MessageView view = new MessageView(input);
                for (int i = 0; i < fns.size(); i++) {
                    failed[0] = steps.get(i).id;
                    Value returned = fns.get(i).execute(view, steps.get(i).context);
                    if (returned.isProxyObject() && returned.asProxyObject() == view) {
                        continue;   // the common case: changed in place, no conversion between steps
                    }
                    List<Message> r = view.results(returned);
                    if (r.size() != 1) {
                        return r;   // dropped (or an undeclared split, reported by checkResult)
                    }
                    view = new MessageView(r.get(0));
                }
                return List.of(view.toMessage());
            });
        } catch (ScriptException e) {
            ScriptStep s = steps.stream().filter(t -> t.id.equals(failed[0])).findFirst().orElse(first);
            throw new StepFailure(s.chain, s.id, ErrorClass.of(e.kind()), e.location(), input.describe(), e.guestMessage(), e);
        }
        ScriptStep last = steps.get(steps.size() - 1);
        last.checkResult(input, out);
        if (x.tracing()) {
            for (ScriptStep s : steps) {
                x.trace(s.id, "ran (fused)");
            }
            last.trace(x, out);
        }
        if (out.isEmpty()) {
            x.droppedBy(failed[0]);
        }
        return out;
    }

    static List<Script> scriptsOf(List<ScriptStep> steps) {
        List<Script> l = new ArrayList<>(steps.size());
        for (ScriptStep s : steps) {
            l.add(s.script);
        }
        return l;
    }

    private void checkSize(Message input) {
        long limit = sandbox.options().maxRecordBytes();
        if (Values.estimateSize(input.value(), limit) + Values.estimateSize(input.key(), limit) > limit) {
            throw new StepFailure(chain, id, ErrorClass.BAD_DATA, null, input.describe(),
                    "record is larger than the limit of " + limit + " bytes", null);
        }
    }

    private void checkResult(Message input, List<Message> out) {
        if (out.size() > 1 && !split) {
            throw new StepFailure(chain, id, ErrorClass.SCRIPT_ERROR, new SourceLocation(script.name(), 0, 0), input.describe(),
                    "returned " + out.size() + " records, but the step is not declared 'split: true'", null);
        }
        long maxOut = sandbox.options().maxOutputBytes();
        long size = 0;
        for (Message m : out) {
            size += Values.estimateSize(m.value(), maxOut) + Values.estimateSize(m.key(), maxOut);
            if (size > maxOut) {
                throw new StepFailure(chain, id, ErrorClass.BAD_DATA, new SourceLocation(script.name(), 0, 0), input.describe(),
                        "output is larger than the limit of " + maxOut + " bytes", null);
            }
        }
    }

    private void trace(Exec x, List<Message> out) {
        if (!x.tracing()) {
            return;
        }
        if (out.isEmpty()) {
            x.trace(id, "dropped");
        } else {
            for (Message m : out) {
                x.trace(id, out.size() > 1 ? "split" : "ran", m);
            }
        }
    }
}
