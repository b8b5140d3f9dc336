package dev.catena.host.exec;

import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import java.util.function.LongSupplier;

/**
 * The state of one record's walk through a chain: the chain's name, clock and sleeper, the
 * trace (when asked for), the error being handled (visible to conditions in a fallback), and
 * which step dropped the record.
 */
public final class Exec {
    private static final JsonCodec JSON = new JsonCodec();
    /** Calls nested deeper than this fail the record: a runaway dispatch/call recursion. */
    public static final int MAX_DEPTH = 64;

    private final String chain;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Trace trace;
    private StepFailure error;
    private String droppedBy;
    private int depth;

    public Exec(String chain, LongSupplier clock, Sleeper sleeper, Trace trace) {
        this.chain = chain;
        this.clock = clock;
        this.sleeper = sleeper;
        this.trace = trace;
    }

    /** A copy for a parallel branch: same settings, its own trace depth and drop marker. */
    public Exec fork() {
        Exec e = new Exec(chain, clock, sleeper, trace == null ? null : new Trace());
        e.error = error;
        e.depth = depth;
        return e;
    }

    /** Appends a fork's trace events to this one's (in branch order, so traces stay deterministic). */
    public void join(Exec fork) {
        if (trace != null && fork.trace != null) {
            fork.trace.events().forEach(trace::add);
        }
    }

    public String chain() {
        return chain;
    }

    public long now() {
        return clock.getAsLong();
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public boolean tracing() {
        return trace != null;
    }

    public void trace(String stepId, String decision, Message after) {
        if (trace != null) {
            trace.add(new Trace.Event(depth, stepId, decision, after == null ? null : JSON.encode(after.toBuilder().origin(null).build())));
        }
    }

    public void trace(String stepId, String decision) {
        trace(stepId, decision, null);
    }

    /** The failure being handled by a fallback, or null. */
    public StepFailure error() {
        return error;
    }

    public ErrorClass errorClass() {
        return error == null ? null : error.errorClass();
    }

    public void error(StepFailure f) {
        this.error = f;
    }

    public String droppedBy() {
        return droppedBy;
    }

    public void droppedBy(String stepId) {
        this.droppedBy = stepId;
    }

    public void enter(String stepId, Message m) {
        if (depth + 1 > MAX_DEPTH) {
            throw new StepFailure(chain, stepId, ErrorClass.SCRIPT_ERROR, null, m.describe(),
                    "chains nested deeper than " + MAX_DEPTH + " levels (a dispatch or while that never ends?)", null);
        }
        depth++;
    }

    public void leave() {
        depth--;
    }
}
