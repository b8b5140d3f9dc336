package dev.catena.connect.migrate;

import dev.catena.bindings.CodecException;
import dev.catena.bindings.json.JsonCodec;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The transforms and predicates of a Kafka Connect connector configuration, read from a
 * properties file or from JSON (the REST API's {@code {"name": ..., "config": {...}}} or the bare
 * config object).
 *
 * <pre>
 * transforms=addSource,route
 * transforms.addSource.type=org.apache.kafka.connect.transforms.InsertField$Value
 * transforms.addSource.static.field=source
 * transforms.route.type=org.apache.kafka.connect.transforms.TimestampRouter
 * transforms.route.predicate=isOrders
 * transforms.route.negate=true
 * predicates=isOrders
 * predicates.isOrders.type=org.apache.kafka.connect.transforms.predicates.TopicNameMatches
 * predicates.isOrders.pattern=orders.*
 * </pre>
 *
 * @param name       the connector's name, or null when the file has none
 * @param topics     the connector's {@code topics}, in order (may be empty)
 * @param transforms in the order of {@code transforms}
 * @param predicates by alias, in the order of {@code predicates}
 */
record ConnectorTransforms(String name, List<String> topics, List<Transform> transforms, Map<String, PredicateSpec> predicates) {

    /** One {@code transforms.<alias>.*} stanza; {@code predicate} is null when it has none. */
    record Transform(String alias, String type, Map<String, String> config, PredicateSpec predicate, boolean negate) {
    }

    /** One {@code predicates.<alias>.*} stanza. */
    record PredicateSpec(String alias, String type, Map<String, String> config) {
    }

    /** The configuration is not one this tool can read; the message says what is wrong. */
    static final class InvalidConfig extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConfig(String message) {
            super(message);
        }
    }

    /**
     * Reads a connector configuration.
     *
     * @param text the file's content; JSON when it starts with '{', else properties
     */
    static ConnectorTransforms parse(String text) throws InvalidConfig {
        return of(text.stripLeading().startsWith("{") ? json(text) : properties(text));
    }

    private static Map<String, String> properties(String text) throws InvalidConfig {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfig("not a properties file: " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static Map<String, String> json(String text) throws InvalidConfig {
        Object parsed;
        try {
            parsed = new JsonCodec().decodeValue(text);
        } catch (CodecException e) {
            throw new InvalidConfig("not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new InvalidConfig("a JSON connector config is an object, found " + parsed);
        }
        Map<?, ?> config = root.get("config") instanceof Map<?, ?> inner ? inner : root;
        Map<String, String> out = new LinkedHashMap<>();
        config.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        if (config != root && root.get("name") instanceof String n) {
            out.putIfAbsent("name", n);
        }
        return out;
    }

    private static ConnectorTransforms of(Map<String, String> config) throws InvalidConfig {
        Map<String, PredicateSpec> predicates = new LinkedHashMap<>();
        for (String alias : list(config.get("predicates"))) {
            String prefix = "predicates." + alias + ".";
            String type = required(config, prefix + "type", "predicate " + alias);
            predicates.put(alias, new PredicateSpec(alias, type, settings(config, prefix, List.of("type"))));
        }
        List<Transform> transforms = new ArrayList<>();
        for (String alias : list(config.get("transforms"))) {
            String prefix = "transforms." + alias + ".";
            String type = required(config, prefix + "type", "transform " + alias);
            String predicateAlias = config.get(prefix + "predicate");
            PredicateSpec predicate = null;
            if (predicateAlias != null && !predicateAlias.isBlank()) {
                predicate = predicates.get(predicateAlias.strip());
                if (predicate == null) {
                    throw new InvalidConfig(prefix + "predicate names predicate '" + predicateAlias.strip()
                            + "', which is not in predicates=" + String.join(",", predicates.keySet()));
                }
            }
            String negate = config.getOrDefault(prefix + "negate", "false").strip();
            if (!negate.equalsIgnoreCase("true") && !negate.equalsIgnoreCase("false")) {
                throw new InvalidConfig(prefix + "negate must be true or false, found '" + negate + "'");
            }
            transforms.add(new Transform(alias, type, settings(config, prefix, List.of("type", "predicate", "negate")),
                    predicate, Boolean.parseBoolean(negate)));
        }
        if (transforms.isEmpty()) {
            throw new InvalidConfig("the config has no transforms (no 'transforms' key, or it is empty)");
        }
        return new ConnectorTransforms(config.get("name"), list(config.get("topics")), transforms, predicates);
    }

    private static String required(Map<String, String> config, String key, String what) throws InvalidConfig {
        String v = config.get(key);
        if (v == null || v.isBlank()) {
            throw new InvalidConfig(what + " has no " + key);
        }
        return v.strip();
    }

    /** The keys under {@code prefix}, without it, except {@code reserved} ones, in key order. */
    private static Map<String, String> settings(Map<String, String> config, String prefix, List<String> reserved) {
        Map<String, String> out = new TreeMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith(prefix) && !reserved.contains(k.substring(prefix.length()))) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
