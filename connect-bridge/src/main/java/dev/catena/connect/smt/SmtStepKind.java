package dev.catena.connect.smt;

import dev.catena.connect.plugin.PluginClasses;
import dev.catena.connect.plugin.PluginConfigs;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.spi.CompileScope;
import dev.catena.host.spi.StepKind;
import dev.catena.host.step.Step;
import dev.catena.sandbox.SourceLocation;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * {@code smt:} — any Kafka Connect {@link Transformation} as a chain step.
 *
 * <pre>
 * - id: add-source
 *   smt: org.apache.kafka.connect.transforms.InsertField$Value
 *   config: {static.field: source, static.value: web}
 * </pre>
 *
 * <p>The class is created and configured when the chain loads; a class that is missing, is not
 * a Transformation, or refuses its {@code config:} is a problem at the step's line. The
 * transformation is closed with the chain. Registered through
 * {@code META-INF/services/dev.catena.host.spi.StepKind}.
 */
public final class SmtStepKind implements StepKind {
    static final String KEY = "smt";
    static final String CONFIG = "config";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> extraKeys() {
        return Set.of(CONFIG);
    }

    @Override
    public Step compile(YamlNode node, String id, CompileScope scope) {
        YamlNode name = node.get(KEY);
        if (!(name.scalar() instanceof String className) || className.isBlank()) {
            scope.problem(name, "'smt' names a Kafka Connect Transformation class, found " + name.kindName());
            return null;
        }
        Map<String, String> config = PluginConfigs.strings(node.get(CONFIG), scope);
        if (config == null) {
            return null;
        }
        Transformation<?> transformation;
        try {
            transformation = PluginClasses.newInstance(className, Transformation.class, "a Kafka Connect Transformation");
        } catch (PluginClasses.PluginException e) {
            scope.problem(name, "step '" + id + "': " + e.getMessage());
            return null;
        }
        try {
            transformation.configure(config);
        } catch (ConfigException e) {
            scope.problem(PluginConfigs.placeOf(e, node.get(CONFIG), name), "step '" + id + "': " + simpleName(className)
                    + " refuses its config: " + e.getMessage());
            closeQuietly(transformation);
            return null;
        } catch (RuntimeException e) {
            scope.problem(name, "step '" + id + "': " + simpleName(className) + ".configure() threw "
                    + e.getClass().getName() + ": " + e.getMessage());
            closeQuietly(transformation);
            return null;
        }
        scope.onClose(transformation);
        return new SmtStep(scope.chain(), id, className, transformation,
                new SourceLocation(node.file(), node.line(), node.column()));
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void closeQuietly(Transformation<?> t) {
        try {
            t.close();
        } catch (RuntimeException ignored) {
            // it failed to configure; nothing of it is used
        }
    }
}
