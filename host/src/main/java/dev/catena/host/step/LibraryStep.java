package dev.catena.host.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.sandbox.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reusable step from script-lib, found on the class path under {@code catena/lib/<name>/}:
 * {@code step.json} declares its parameters, {@code step.js} and {@code step.py} implement it.
 *
 * @param name        library step name ({@code mask-field})
 * @param description one sentence
 * @param params      declared parameters in order
 */
public record LibraryStep(String name, String description, Map<String, Param> params) {
    private static final String ROOT = "catena/lib/";

    /**
     * A declared parameter.
     *
     * @param type         string, number, boolean, list, map or any
     * @param required     must be given
     * @param defaultValue applied when absent (null: none)
     * @param description  what it does
     */
    public record Param(String type, boolean required, Object defaultValue, String description) {
    }

    /** Loads a library step's declaration, or returns null when there is none of that name. */
    public static LibraryStep find(String name, ClassLoader loader) {
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            return null;
        }
        String json = resource(ROOT + name + "/step.json", loader);
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Map<String, Param> params = new LinkedHashMap<>();
            JsonNode ps = root.path("params");
            for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode p = e.getValue();
                params.put(e.getKey(), new Param(p.path("type").asText("any"), p.path("required").asBoolean(false),
                        JsonCodec.toNeutral(p.get("default")), p.path("description").asText("")));
            }
            return new LibraryStep(name, root.path("description").asText(""), params);
        } catch (IOException e) {
            throw new IllegalStateException("library step " + name + " has a malformed step.json: " + e.getMessage(), e);
        }
    }

    /** The implementation's source text in a language, or null if this step has none in it. */
    public String source(Language language, ClassLoader loader) {
        return resource(ROOT + name + "/step." + (language == Language.JS ? "js" : "py"), loader);
    }

    /** Display name used in error locations: {@code lib:mask-field/step.py}. */
    public String scriptName(Language language) {
        return "lib:" + name + "/step." + (language == Language.JS ? "js" : "py");
    }

    /**
     * Checks {@code with:} against the declaration and applies defaults.
     *
     * @param given the parameters as written
     * @param problems receives one message per problem
     * @return parameters with defaults applied
     */
    public Map<String, Object> bind(Map<String, Object> given, List<String> problems) {
        for (String k : given.keySet()) {
            if (!params.containsKey(k)) {
                problems.add("lib " + name + " has no parameter '" + k + "'; it takes " + new ArrayList<>(params.keySet()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : params.entrySet()) {
            String k = e.getKey();
            Param p = e.getValue();
            Object v = given.get(k);
            if (v == null) {
                if (p.required()) {
                    problems.add("lib " + name + " needs parameter '" + k + "' (" + p.type() + "): " + p.description());
                } else if (p.defaultValue() != null) {
                    out.put(k, p.defaultValue());
                }
                continue;
            }
            if (!typeMatches(p.type(), v)) {
                problems.add("lib " + name + " parameter '" + k + "' must be a " + p.type() + ", found "
                        + dev.catena.bindings.Values.typeName(v));
            }
            out.put(k, v);
        }
        return out;
    }

    private static boolean typeMatches(String type, Object v) {
        return switch (type) {
            case "string" -> v instanceof String;
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "list" -> v instanceof List;
            case "map" -> v instanceof Map;
            default -> true;
        };
    }

    private static String resource(String path, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
