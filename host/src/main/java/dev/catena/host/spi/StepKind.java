package dev.catena.host.spi;

import dev.catena.host.spec.YamlNode;
import dev.catena.host.step.Step;
import java.util.Set;

/**
 * An extra kind of step, contributed by another module through {@link java.util.ServiceLoader}
 * (the Kafka Connect bridge adds {@code smt:}). The host knows nothing of what it wraps.
 *
 * <pre>
 * - id: add-source
 *   smt: org.apache.kafka.connect.transforms.InsertField$Value
 *   config: {static.field: source, static.value: web}
 * </pre>
 */
public interface StepKind {
    /** The key that names this kind in a step ({@code smt}). */
    String key();

    /** Keys besides the common ones ({@code id}, {@code when}, ...) that a step of this kind may have. */
    Set<String> extraKeys();

    /**
     * Builds the step, or returns null after reporting its problems.
     *
     * @param node  the step's map
     * @param id    the step's id
     * @param scope chain name, file and where problems go
     */
    Step compile(YamlNode node, String id, CompileScope scope);
}
