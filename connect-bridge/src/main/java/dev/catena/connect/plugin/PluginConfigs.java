package dev.catena.connect.plugin;

import dev.catena.host.spec.YamlNode;
import dev.catena.host.spi.CompileScope;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code config:} map of an {@code smt:} step or {@code predicate:} condition as the
 * properties a Connect plugin's {@code configure()} expects: every value as text, as it would be
 * in a connector's properties (numbers and booleans as written, lists joined with commas).
 */
public final class PluginConfigs {
    private PluginConfigs() {
    }

    /**
     * The properties, or null after reporting problems (a value that is a map or null).
     *
     * @param config the {@code config:} node, or null for none
     */
    public static Map<String, String> strings(YamlNode config, CompileScope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        if (config == null) {
            return out;
        }
        if (!config.isMap()) {
            scope.problem(config, "'config' is a map of the plugin's settings, found " + config.kindName());
            return null;
        }
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : config.entries().entrySet()) {
            String text = text(e.getValue());
            if (text == null) {
                scope.problem(e.getValue(), "setting '" + e.getKey() + "' must be a string, number, boolean or list of"
                        + " them, found " + e.getValue().kindName());
                ok = false;
            } else {
                out.put(e.getKey(), text);
            }
        }
        return ok ? out : null;
    }

    private static String text(YamlNode n) {
        if (n.isList()) {
            StringBuilder b = new StringBuilder();
            for (YamlNode item : n.items()) {
                String t = item.isScalar() ? text(item) : null;
                if (t == null) {
                    return null;
                }
                b.append(b.isEmpty() ? "" : ",").append(t);
            }
            return b.toString();
        }
        Object v = n.scalar();
        if (!n.isScalar() || v == null) {
            return null;
        }
        return v instanceof BigInteger || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : (String) v;
    }

    /**
     * Where to report a plugin's {@link ConfigException}: the entry of the setting it names, else
     * the {@code config:} node, else {@code fallback}.
     */
    public static YamlNode placeOf(ConfigException e, YamlNode config, YamlNode fallback) {
        if (config == null || !config.isMap()) {
            return fallback;
        }
        String message = String.valueOf(e.getMessage());
        for (Map.Entry<String, YamlNode> entry : config.entries().entrySet()) {
            String k = entry.getKey();
            if (message.contains("configuration " + k + ":") || message.contains("configuration " + k + " ")
                    || message.contains("\"" + k + "\"")) {
                return entry.getValue();
            }
        }
        return config;
    }

    /** The settings as {@code {a: 1, b: x}} for descriptions and traces. */
    public static String describe(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
