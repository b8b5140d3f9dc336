package dev.catena.host.spec;

import dev.catena.sandbox.Language;
import java.util.Map;

/**
 * One step as written in the chain file.
 *
 * @param id       unique id within the chain
 * @param kind     script file or library step
 * @param language guest language
 * @param script   script path relative to the chain file (SCRIPT) or library step name (LIB)
 * @param params   parameters, as given ({@code params:} for scripts, {@code with:} for library steps)
 * @param when     condition, or null to always run
 * @param onError  failure policy
 * @param split    whether the step may return several records
 * @param line     line of the step in the chain file
 * @param column   column of the step in the chain file
 */
public record StepSpec(
        String id,
        Kind kind,
        Language language,
        String script,
        Map<String, Object> params,
        ConditionSpec when,
        OnError onError,
        boolean split,
        int line,
        int column) {

    /** Step kinds. */
    public enum Kind { SCRIPT, LIB }
}
