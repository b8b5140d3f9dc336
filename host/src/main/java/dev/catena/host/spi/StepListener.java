package dev.catena.host.spi;

import dev.catena.host.ErrorClass;

/**
 * Told about every top-level step run, for per-step metrics (the Kafka Connect bridge registers
 * them in JMX). Called on the thread that runs the record; keep it cheap.
 */
@FunctionalInterface
public interface StepListener {
    /** No one listening. */
    StepListener NONE = (chain, step, result, errorClass, nanos) -> { };

    /** How a step ended for one record. */
    enum Result { PASSED, DROPPED, SPLIT, FAILED }

    /**
     * @param errorClass the failure's class when {@code result} is FAILED, else null
     * @param nanos      time the step took
     */
    void onStep(String chain, String stepId, Result result, ErrorClass errorClass, long nanos);
}
