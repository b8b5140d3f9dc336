package dev.catena.host.spi;

import dev.catena.host.condition.Condition;
import dev.catena.host.spec.YamlNode;

/**
 * An extra kind of condition, contributed through {@link java.util.ServiceLoader} (the Kafka
 * Connect bridge adds {@code predicate:}, any Kafka {@code Predicate} class).
 *
 * <pre>
 * when: {predicate: org.apache.kafka.connect.transforms.predicates.TopicNameMatches, config: {pattern: "orders.*"}}
 * </pre>
 */
public interface ConditionKind {
    /** The key that names this kind in a condition map ({@code predicate}). */
    String key();

    /**
     * Builds the condition from the whole condition map, or returns null after reporting its problems.
     */
    Condition compile(YamlNode node, CompileScope scope);
}
