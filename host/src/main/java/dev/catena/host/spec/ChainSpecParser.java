package dev.catena.host.spec;

import dev.catena.sandbox.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a chain file into a {@link ChainSpec}, reporting every problem at its file:line:column.
 *
 * <pre>
 * chain: orders
 * on-error: dlq
 * steps:
 *   - id: total
 *     js: steps/total.js
 *     params: {currency: EUR}
 *   - id: risk
 *     py: steps/risk.py
 *     when: {js: "msg.value.total > 100"}
 *   - id: hide-card
 *     lib: mask-field
 *     with: {fields: [card]}
 * </pre>
 */
public final class ChainSpecParser {
    private static final Set<String> CHAIN_KEYS = Set.of("chain", "description", "on-error", "steps");
    private static final Set<String> STEP_KEYS =
            Set.of("id", "js", "py", "lib", "lang", "params", "with", "when", "on-error", "split", "description");

    private final List<Problem> problems = new ArrayList<>();

    private ChainSpecParser() {
    }

    /**
     * Parses what it can: steps with problems are left out and their problems listed in
     * {@link ChainSpec#problems()}, so that a loader can go on to check the other steps' scripts
     * and report everything at once.
     *
     * @param text    YAML text
     * @param file    display name for problems
     * @param baseDir directory script paths are relative to
     * @throws ChainLoadException when the text is not YAML or not a map
     */
    public static ChainSpec parse(String text, String file, Path baseDir) {
        return new ChainSpecParser().chain(YamlNode.parse(text, file), file, baseDir);
    }

    private ChainSpec chain(YamlNode root, String file, Path baseDir) {
        if (!root.isMap()) {
            throw new ChainLoadException(List.of(root.problem("a chain file must be a map with 'chain' and 'steps', found " + root.kindName())));
        }
        unknownKeys(root, CHAIN_KEYS, "chain");
        String name = string(root, "chain", false);
        if (name == null) {
            String base = Path.of(file).getFileName().toString();
            name = base.replaceFirst("\\.(ya?ml|json)$", "");
        }
        OnError onError = onError(root, OnError.FAIL);
        YamlNode steps = root.get("steps");
        List<StepSpec> specs = new ArrayList<>();
        if (steps == null) {
            problems.add(root.problem("missing 'steps': a chain needs a list of steps"));
        } else if (!steps.isList()) {
            problems.add(steps.problem("'steps' must be a list, found " + steps.kindName()));
        } else {
            if (steps.items().isEmpty()) {
                problems.add(steps.problem("'steps' is empty: a chain needs at least one step"));
            }
            Set<String> ids = new HashSet<>();
            int index = 0;
            for (YamlNode s : steps.items()) {
                StepSpec spec = step(s, index++, onError);
                if (spec != null) {
                    if (!ids.add(spec.id())) {
                        problems.add(s.problem("duplicate step id '" + spec.id() + "'"));
                    }
                    specs.add(spec);
                }
            }
        }
        return new ChainSpec(name, file, baseDir, specs, onError, problems);
    }

    private StepSpec step(YamlNode s, int index, OnError chainDefault) {
        if (!s.isMap()) {
            problems.add(s.problem("a step must be a map (with js:, py: or lib:), found " + s.kindName()));
            return null;
        }
        int before = problems.size();
        unknownKeys(s, STEP_KEYS, "step");
        String id = string(s, "id", false);
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("js", "py", "lib")) {
            if (s.get(k) != null) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            problems.add(s.problem(kinds.isEmpty()
                    ? "step " + (id == null ? "#" + (index + 1) : "'" + id + "'") + " needs one of js:, py: or lib:"
                    : "step has " + String.join(" and ", kinds) + ": give exactly one of js:, py: or lib:"));
            return null;
        }
        String kindKey = kinds.get(0);
        String target = string(s, kindKey, true);
        StepSpec.Kind kind = kindKey.equals("lib") ? StepSpec.Kind.LIB : StepSpec.Kind.SCRIPT;
        Language language = kindKey.equals("lib") ? Language.JS : Language.fromKey(kindKey);
        if (kind == StepSpec.Kind.LIB && s.get("lang") != null) {
            String lang = string(s, "lang", true);
            try {
                language = Language.fromKey(lang);
            } catch (IllegalArgumentException e) {
                problems.add(s.get("lang").problem(e.getMessage()));
            }
        } else if (kind == StepSpec.Kind.SCRIPT && s.get("lang") != null) {
            problems.add(s.keyNode("lang").problem("'lang' applies to lib: steps only; the script's key (js:/py:) gives its language"));
        }
        String paramsKey = kind == StepSpec.Kind.LIB ? "with" : "params";
        String wrongKey = kind == StepSpec.Kind.LIB ? "params" : "with";
        if (s.get(wrongKey) != null) {
            problems.add(s.keyNode(wrongKey).problem("'" + wrongKey + "' is not used by a " + kindKey + ": step; use '" + paramsKey + "'"));
        }
        Map<String, Object> params = map(s, paramsKey);
        ConditionSpec when = condition(s.get("when"));
        OnError onError = onError(s, chainDefault);
        boolean split = bool(s, "split");
        if (problems.size() > before || target == null) {
            return null;
        }
        if (id == null) {
            id = (kind == StepSpec.Kind.LIB ? target : Path.of(target).getFileName().toString().replaceFirst("\\.[^.]*$", ""))
                    + "-" + (index + 1);
        }
        return new StepSpec(id, kind, language, target, params, when, onError, split, s.line(), s.column());
    }

    private ConditionSpec condition(YamlNode w) {
        if (w == null) {
            return null;
        }
        if (!w.isMap() || w.entries().size() != 1) {
            problems.add(w.problem("'when' must be a map with one entry, js: or py: and an expression, e.g. when: {js: \"msg.value.total > 100\"}"));
            return null;
        }
        Map.Entry<String, YamlNode> e = w.entries().entrySet().iterator().next();
        Language lang;
        try {
            lang = Language.fromKey(e.getKey());
        } catch (IllegalArgumentException ex) {
            problems.add(w.keyNode(e.getKey()).problem("'when' " + ex.getMessage()));
            return null;
        }
        if (!(e.getValue().scalar() instanceof String expr) || expr.isBlank()) {
            problems.add(e.getValue().problem("'when' needs an expression string, found " + e.getValue().kindName()));
            return null;
        }
        return new ConditionSpec(lang, expr, e.getValue().line(), e.getValue().column());
    }

    private OnError onError(YamlNode node, OnError dflt) {
        String s = string(node, "on-error", false);
        if (s == null) {
            return dflt;
        }
        try {
            return OnError.parse(s);
        } catch (IllegalArgumentException e) {
            problems.add(node.get("on-error").problem(e.getMessage()));
            return dflt;
        }
    }

    private void unknownKeys(YamlNode node, Set<String> allowed, String what) {
        for (String k : node.entries().keySet()) {
            if (!allowed.contains(k)) {
                problems.add(node.keyNode(k).problem("unknown " + what + " key '" + k + "'; expected one of "
                        + allowed.stream().sorted().toList()));
            }
        }
    }

    private String string(YamlNode node, String key, boolean required) {
        YamlNode v = node.get(key);
        if (v == null) {
            if (required) {
                problems.add(node.problem("missing '" + key + "'"));
            }
            return null;
        }
        if (!(v.scalar() instanceof String s) || s.isBlank()) {
            problems.add(v.problem("'" + key + "' must be a non-empty string, found " + v.kindName()));
            return null;
        }
        return s;
    }

    private boolean bool(YamlNode node, String key) {
        YamlNode v = node.get(key);
        if (v == null) {
            return false;
        }
        if (!(v.scalar() instanceof Boolean b)) {
            problems.add(v.problem("'" + key + "' must be true or false, found " + v.kindName()));
            return false;
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(YamlNode node, String key) {
        YamlNode v = node.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!v.isMap()) {
            problems.add(v.problem("'" + key + "' must be a map, found " + v.kindName()));
            return Map.of();
        }
        return (Map<String, Object>) new LinkedHashMap<>((Map<String, Object>) v.toNeutral());
    }
}
