package dev.catena.connect.migrate;

import dev.catena.connect.migrate.ConnectorTransforms.PredicateSpec;
import dev.catena.connect.migrate.ConnectorTransforms.Transform;
import dev.catena.connect.plugin.PluginClasses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A connector's transforms run as a Connect worker runs them (its {@code TransformationChain}):
 * in order, each only when it has no predicate or when the predicate's answer differs from
 * {@code negate}; a null result ends the chain. One predicate instance serves every transform that
 * names it, as in the worker.
 */
final class SmtPipeline implements AutoCloseable {
    private record Stage(String alias, Transformation<?> transformation, Predicate<?> predicate, boolean negate) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, Predicate<?>> predicates = new LinkedHashMap<>();

    /**
     * Creates and configures every transform and predicate.
     *
     * @throws ConnectorTransforms.InvalidConfig naming the transform or predicate that cannot be created or configured
     */
    SmtPipeline(ConnectorTransforms config) throws ConnectorTransforms.InvalidConfig {
        try {
            for (PredicateSpec p : config.predicates().values()) {
                Predicate<?> predicate = PluginClasses.newInstance(p.type(), Predicate.class, "a Kafka Connect Predicate");
                predicates.put(p.alias(), predicate);
                configure("predicate " + p.alias(), () -> predicate.configure(p.config()));
            }
            for (Transform t : config.transforms()) {
                Transformation<?> transformation = PluginClasses.newInstance(t.type(), Transformation.class,
                        "a Kafka Connect Transformation");
                stages.add(new Stage(t.alias(), transformation, t.predicate() == null ? null : predicates.get(t.predicate().alias()),
                        t.negate()));
                configure("transform " + t.alias(), () -> transformation.configure(t.config()));
            }
        } catch (PluginClasses.PluginException e) {
            close();
            throw new ConnectorTransforms.InvalidConfig(e.getMessage());
        } catch (ConnectorTransforms.InvalidConfig e) {
            close();
            throw e;
        }
    }

    private static void configure(String what, Runnable configure) throws ConnectorTransforms.InvalidConfig {
        try {
            configure.run();
        } catch (ConfigException e) {
            throw new ConnectorTransforms.InvalidConfig(what + ": " + e.getMessage());
        }
    }

    /** The record after every transform, or null when one dropped it. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // records and plugins meet as in the worker: by the record's class
    ConnectRecord<?> apply(ConnectRecord<?> record) {
        ConnectRecord current = record;
        for (Stage s : stages) {
            boolean run = s.predicate() == null || s.negate() != ((Predicate) s.predicate()).test(current);
            if (run) {
                current = ((Transformation) s.transformation()).apply(current);
                if (current == null) {
                    return null;
                }
            }
        }
        return current;
    }

    @Override
    public void close() {
        for (Stage s : stages) {
            s.transformation().close();
        }
        for (Predicate<?> p : predicates.values()) {
            p.close();
        }
    }
}
