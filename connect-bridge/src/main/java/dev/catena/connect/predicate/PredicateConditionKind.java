package dev.catena.connect.predicate;

import dev.catena.connect.plugin.PluginClasses;
import dev.catena.connect.plugin.PluginConfigs;
import dev.catena.host.condition.Condition;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.spi.CompileScope;
import dev.catena.host.spi.ConditionKind;
import dev.catena.sandbox.SourceLocation;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * {@code predicate:} — any Kafka Connect {@link Predicate} as a chain condition.
 *
 * <pre>
 * when: {predicate: org.apache.kafka.connect.transforms.predicates.TopicNameMatches, config: {pattern: "orders.*"}, negate: false}
 * </pre>
 *
 * <p>As with Connect's {@code transforms.x.predicate} and {@code transforms.x.negate}, the
 * condition is the predicate's answer, inverted when {@code negate: true}. The predicate is
 * created and configured at load (problems at their line) and closed with the chain. Registered
 * through {@code META-INF/services/dev.catena.host.spi.ConditionKind}.
 */
public final class PredicateConditionKind implements ConditionKind {
    static final String KEY = "predicate";
    private static final Set<String> KEYS = Set.of(KEY, "config", "negate");

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Condition compile(YamlNode node, CompileScope scope) {
        boolean ok = true;
        for (String k : node.entries().keySet()) {
            if (!KEYS.contains(k)) {
                scope.problem(node.keyNode(k), "unknown key '" + k + "' in a predicate condition; expected predicate, config, negate");
                ok = false;
            }
        }
        YamlNode name = node.get(KEY);
        if (!(name.scalar() instanceof String className) || className.isBlank()) {
            scope.problem(name, "'predicate' names a Kafka Connect Predicate class, found " + name.kindName());
            return null;
        }
        YamlNode negateNode = node.get("negate");
        boolean negate = false;
        if (negateNode != null) {
            if (negateNode.scalar() instanceof Boolean b) {
                negate = b;
            } else {
                scope.problem(negateNode, "'negate' is true or false, found " + negateNode.kindName());
                ok = false;
            }
        }
        Map<String, String> config = PluginConfigs.strings(node.get("config"), scope);
        if (config == null || !ok) {
            return null;
        }
        Predicate<?> predicate;
        try {
            predicate = PluginClasses.newInstance(className, Predicate.class, "a Kafka Connect Predicate");
        } catch (PluginClasses.PluginException e) {
            scope.problem(name, e.getMessage());
            return null;
        }
        try {
            predicate.configure(config);
        } catch (ConfigException e) {
            scope.problem(PluginConfigs.placeOf(e, node.get("config"), name),
                    PredicateCondition.simpleName(className) + " refuses its config: " + e.getMessage());
            closeQuietly(predicate);
            return null;
        } catch (RuntimeException e) {
            scope.problem(name, PredicateCondition.simpleName(className) + ".configure() threw " + e.getClass().getName()
                    + ": " + e.getMessage());
            closeQuietly(predicate);
            return null;
        }
        scope.onClose(predicate);
        return new PredicateCondition(scope.chain(), className, config, negate, predicate,
                new SourceLocation(node.file(), node.line(), node.column()));
    }

    private static void closeQuietly(Predicate<?> p) {
        try {
            p.close();
        } catch (RuntimeException ignored) {
            // it failed to configure; nothing of it is used
        }
    }
}
