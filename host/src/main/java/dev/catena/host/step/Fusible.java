package dev.catena.host.step;

import java.util.List;

/**
 * A step that can run together with the steps after it as one step: adjacent script steps of one
 * language share a guest call, adjacent {@code smt:} steps pass the Connect record along without
 * converting it between them. The compiler fuses only plain steps (a {@code when}, retry,
 * memoize or {@code on-error} wraps a step, and a wrapped step is not {@code Fusible}).
 */
public interface Fusible extends Step {
    /** True when {@code next} may run fused right after this step. */
    boolean fusesWith(Step next);

    /**
     * The run as one step.
     *
     * @param run two or more steps, this one first, each {@link #fusesWith} the one after it
     */
    Step fuse(List<Step> run);
}
