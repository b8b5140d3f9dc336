package dev.catena.host.compile;

import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.HostOptions;
import dev.catena.host.condition.Condition;
import dev.catena.host.condition.Expression;
import dev.catena.host.spec.OnError;
import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import dev.catena.host.spi.StepKind;
import dev.catena.host.step.AggregateStep;
import dev.catena.host.step.BranchStep;
import dev.catena.host.step.Builtins;
import dev.catena.host.step.CallStep;
import dev.catena.host.step.CorrelateStep;
import dev.catena.host.step.DispatchStep;
import dev.catena.host.step.ForeachStep;
import dev.catena.host.step.Fusible;
import dev.catena.host.step.GuardedStep;
import dev.catena.host.step.IfStep;
import dev.catena.host.step.MemoizedStep;
import dev.catena.host.step.ParallelStep;
import dev.catena.host.step.PolicyStep;
import dev.catena.host.step.RetryPolicy;
import dev.catena.host.step.ScriptStep;
import dev.catena.host.step.Sequence;
import dev.catena.host.step.StatefulStep;
import dev.catena.host.step.Step;
import dev.catena.host.step.SwitchStep;
import dev.catena.host.step.WhileStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Compiles a chain file's steps into the step graph, collecting every problem with its
 * file:line:column instead of stopping at the first. Scripts are only registered here; the
 * loader compiles them all afterwards. Constant conditions are folded; adjacent plain script
 * steps of one language are fused.
 */
public final class ChainCompiler {
    private static final Logger LOG = Logger.getLogger(ChainCompiler.class.getName());
    private static final Set<String> KINDS = Set.of("js", "py", "lib", "drop", "noop", "set", "if", "switch", "parallel",
            "branch", "foreach", "while", "call", "dispatch", "aggregate", "correlate");
    private static final Set<String> COMMON = Set.of("id", "description", "when", "on-error", "retry", "memoize", "pure");
    private static final Map<String, Set<String>> EXTRA = Map.ofEntries(
            Map.entry("js", Set.of("params", "split")), Map.entry("py", Set.of("params", "split")),
            Map.entry("lib", Set.of("with", "lang")), Map.entry("drop", Set.of()), Map.entry("noop", Set.of()),
            Map.entry("set", Set.of()), Map.entry("if", Set.of("then", "else")), Map.entry("switch", Set.of("cases", "default")),
            Map.entry("parallel", Set.of("merge")), Map.entry("branch", Set.of("request", "result")),
            Map.entry("foreach", Set.of("steps")), Map.entry("while", Set.of("steps", "max-iterations")),
            Map.entry("call", Set.of()), Map.entry("dispatch", Set.of("chains", "default")),
            Map.entry("aggregate", Set.of()), Map.entry("correlate", Set.of()));

    private final Scope scope;
    private final Path baseDir;
    private final HostOptions options;
    private final ChainRegistry registry;
    private final ConditionCompiler conditions;
    private final ScriptSteps scripts;
    private final Set<String> ids = new HashSet<>();
    private final List<MemoizedStep> memoized = new ArrayList<>();
    private OnError defaultOnError = OnError.FAIL;

    ChainCompiler(Scope scope, Path baseDir, HostOptions options, ChainRegistry registry) {
        this.scope = scope;
        this.baseDir = baseDir;
        this.options = options;
        this.registry = registry;
        this.conditions = new ConditionCompiler(scope);
        this.scripts = new ScriptSteps(scope, baseDir, options);
    }

    List<MemoizedStep> memoized() {
        return memoized;
    }

    /** The top-level steps of a chain file (stateful steps allowed only here). */
    List<Step> chain(YamlNode root) {
        for (String k : root.entries().keySet()) {
            if (!Set.of("chain", "description", "on-error", "steps", "rollout", "fixtures").contains(k)) {
                scope.problem(root.keyNode(k), "unknown chain key '" + k + "'; expected chain, description, on-error, steps, rollout, fixtures");
            }
        }
        YamlNode oe = root.get("on-error");
        if (oe != null) {
            if (oe.scalar() instanceof String s) {
                try {
                    defaultOnError = OnError.parse(s);
                } catch (IllegalArgumentException e) {
                    scope.problem(oe, e.getMessage());
                }
            } else {
                scope.problem(oe, "a chain's 'on-error' is fail, dlq, skip or drop (fallbacks are set per step)");
            }
        }
        YamlNode steps = root.get("steps");
        if (steps == null) {
            scope.problem(root, "missing 'steps': a chain needs a list of steps");
            return List.of();
        }
        if (!steps.isList() || steps.items().isEmpty()) {
            scope.problem(steps, "'steps' must be a non-empty list of steps, found " + steps.kindName());
            return List.of();
        }
        List<Step> top = list(steps, true);
        if (options.steps() == dev.catena.host.spi.StepListener.NONE) {
            return top;
        }
        List<Step> observed = new ArrayList<>(top.size());
        for (Step s : top) {
            observed.add(s instanceof StatefulStep ? s : new dev.catena.host.step.ObservedStep(scope.chain(), s, options.steps()));
        }
        return observed;
    }

    /** A list of steps (or one step map) as a list, folded, fused and checked for unreachable steps. */
    private List<Step> list(YamlNode n, boolean topLevel) {
        List<YamlNode> items = n.isList() ? n.items() : List.of(n);
        List<Step> out = new ArrayList<>();
        String dropsAll = null;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            Step s = step(item, i, topLevel);
            if (dropsAll != null && s != null) {
                String name = item.isMap() && item.get("id") != null && item.get("id").scalar() instanceof String sid ? sid : s.id();
                scope.problem(item, "step '" + name + "' is unreachable: step '" + dropsAll + "' before it drops every record");
            }
            if (s == null || s == SKIP) {
                continue;
            }
            if (item.isMap() && Boolean.TRUE.equals(item.get("drop") == null ? null : item.get("drop").scalar()) && item.get("when") == null) {
                dropsAll = s.id();
            }
            out.add(s);
        }
        return options.fuse() ? fuse(out) : out;
    }

    private Step sequence(YamlNode n, String id) {
        if (n == null) {
            return null;
        }
        if (!n.isList() && !n.isMap()) {
            scope.problem(n, "expected a list of steps, found " + n.kindName());
            return Builtins.noop(id);
        }
        List<Step> steps = list(n, false);
        return steps.size() == 1 ? steps.get(0) : new Sequence(id, steps);
    }

    /** Runs of adjacent steps that fuse (see {@link Fusible}) become one step each. */
    private static List<Step> fuse(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        List<Step> run = new ArrayList<>();
        for (Step s : steps) {
            if (!run.isEmpty() && !(run.get(run.size() - 1) instanceof Fusible f && f.fusesWith(s))) {
                flush(run, out);
            }
            run.add(s);
        }
        flush(run, out);
        return out;
    }

    private static void flush(List<Step> run, List<Step> out) {
        if (run.size() == 1) {
            out.add(run.get(0));
        } else if (run.size() > 1) {
            out.add(((Fusible) run.get(0)).fuse(List.copyOf(run)));
        }
        run.clear();
    }

    /** Marks a step folded away (a constant-false {@code when}). */
    private static final Step SKIP = Builtins.noop("(folded)");

    private Step step(YamlNode n, int index, boolean topLevel) {
        if (!n.isMap()) {
            scope.problem(n, "a step must be a map, found " + n.kindName());
            return null;
        }
        List<String> kinds = n.entries().keySet().stream()
                .filter(k -> KINDS.contains(k) || scope.extensions().step(k) != null).toList();
        if (kinds.size() != 1) {
            if (kinds.isEmpty()) {
                for (String k : n.entries().keySet()) {
                    if (!COMMON.contains(k) && EXTRA.values().stream().noneMatch(e -> e.contains(k))) {
                        scope.problem(n.keyNode(k), "unknown step key '" + k + "'" + suggestion(k));
                    }
                }
            }
            scope.problem(n, kinds.isEmpty() ? "a step needs one of " + KINDS.stream().sorted().toList()
                    : "a step has one kind; this one has " + kinds);
            return null;
        }
        String kind = kinds.get(0);
        StepKind extension = KINDS.contains(kind) ? null : scope.extensions().step(kind);
        Set<String> extra = extension != null ? extension.extraKeys() : EXTRA.get(kind);
        for (String k : n.entries().keySet()) {
            if (!k.equals(kind) && !COMMON.contains(k) && !extra.contains(k)) {
                scope.problem(n.keyNode(k), "unknown key '" + k + "' for a " + kind + " step");
            }
        }
        String id = id(n, kind, index);
        StepContextView ctx = scripts.context(id, Map.of());
        Step s = switch (kind) {
            case "js", "py", "lib" -> scripts.script(n, kind, id);
            case "drop", "noop" -> {
                if (!Boolean.TRUE.equals(n.get(kind).scalar())) {
                    scope.problem(n.get(kind), "'" + kind + "' takes true (use 'when' to make it conditional)");
                    yield null;
                }
                yield kind.equals("drop") ? Builtins.drop(id) : Builtins.noop(id);
            }
            case "set" -> set(n, id);
            case "if" -> ifStep(n, id, ctx);
            case "switch" -> switchStep(n, id, ctx);
            case "parallel" -> parallel(n, id);
            case "branch" -> new BranchStep(scope.chain(), id, n.get("request") == null ? null : conditions.expression(n.get("request"), id, ctx),
                    resultPath(n), sequence(n.get("branch"), id + ".branch"));
            case "foreach" -> foreach(n, id);
            case "while" -> whileStep(n, id, ctx);
            case "call" -> call(n, id);
            case "dispatch" -> dispatch(n, id, ctx);
            case "aggregate", "correlate" -> stateful(n, kind, id, topLevel, ctx);
            default -> extension.compile(n, id, scope);
        };
        if (s == null) {
            return null;
        }
        if (s instanceof StatefulStep) {
            // it holds records across inputs: its input cannot be skipped, retried or rolled back
            for (String k : List.of("when", "retry", "on-error", "memoize")) {
                if (n.get(k) != null) {
                    scope.problem(n.keyNode(k), "'" + k + "' does not apply to " + kind + ": it takes every record that reaches it");
                }
            }
            return s;
        }
        s = memoize(n, s, id, ctx);
        YamlNode when = n.get("when");
        if (when != null) {
            Condition c = conditions.condition(when, id, ctx);
            if (Boolean.FALSE.equals(c.constant())) {
                LOG.fine(() -> "step " + id + ": when is always false, folded away");
                return SKIP;
            }
            if (c.constant() == null) {
                s = new GuardedStep(s, c);
            }
        }
        // the policy wraps the condition too: a 'when' that fails is handled like the step failing
        return policy(n, s, id);
    }

    private Step ifStep(YamlNode n, String id, StepContextView ctx) {
        Condition c = conditions.condition(n.get("if"), id, ctx);
        if (c.constant() == null) {
            return new IfStep(id, c, required(n, "then", id), sequence(n.get("else"), id + ".else"));
        }
        // a constant condition: only the branch taken is compiled
        Step taken = c.constant() ? required(n, "then", id) : sequence(n.get("else"), id + ".else");
        return taken != null ? taken : Builtins.noop(id);
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = 3;
        for (String k : KINDS.stream().sorted().toList()) {
            int d = distance(k, key);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private String id(YamlNode n, String kind, int index) {
        String id;
        if (n.get("id") != null) {
            if (!(n.get("id").scalar() instanceof String s) || s.isBlank()) {
                scope.problem(n.get("id"), "'id' must be a non-empty string");
                id = kind + "-" + (index + 1);
            } else {
                id = s;
            }
        } else if (n.get(kind).scalar() instanceof String target && Set.of("js", "py", "lib", "call").contains(kind)) {
            id = Path.of(target).getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-" + (index + 1);
        } else {
            id = kind + "-" + (index + 1);
        }
        if (!ids.add(id)) {
            if (n.get("id") != null) {
                scope.problem(n, "duplicate step id '" + id + "'");
            } else {
                id = id + "-" + n.line();
                ids.add(id);
            }
        }
        return id;
    }

    private Step required(YamlNode n, String key, String id) {
        if (n.get(key) == null) {
            scope.problem(n, "missing '" + key + "'");
            return Builtins.noop(id);
        }
        return sequence(n.get(key), id + "." + key);
    }

    private Step set(YamlNode n, String id) {
        YamlNode v = n.get("set");
        if (!v.isMap() || v.entries().isEmpty()) {
            scope.problem(v, "'set' takes a map of record path to value");
            return null;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : v.entries().entrySet()) {
            if (!e.getKey().matches("(value|key)(\\..+)?|topic|headers\\..+")) {
                scope.problem(v.keyNode(e.getKey()), "cannot set '" + e.getKey() + "': value.<path>, key, topic or headers.<name>");
            }
            a.put(e.getKey(), e.getValue().toNeutral());
        }
        return Builtins.set(id, a);
    }

    private Step switchStep(YamlNode n, String id, StepContextView ctx) {
        Expression on = conditions.expression(n.get("switch"), id, ctx);
        YamlNode cases = n.get("cases");
        Map<String, Step> steps = new LinkedHashMap<>();
        if (cases == null || !cases.isMap() || cases.entries().isEmpty()) {
            scope.problem(cases == null ? n : cases, "'switch' needs 'cases': a map of value to steps");
        } else {
            for (Map.Entry<String, YamlNode> e : cases.entries().entrySet()) {
                steps.put(e.getKey(), sequence(e.getValue(), id + "." + e.getKey()));
            }
        }
        return new SwitchStep(id, on, steps, sequence(n.get("default"), id + ".default"));
    }

    private Step parallel(YamlNode n, String id) {
        YamlNode b = n.get("parallel");
        if (!b.isList() || b.items().size() < 2) {
            scope.problem(b, "'parallel' takes a list of at least two branches (each a step or a list of steps)");
            return null;
        }
        List<Step> branches = new ArrayList<>();
        for (int i = 0; i < b.items().size(); i++) {
            branches.add(sequence(b.items().get(i), id + ".branch-" + (i + 1)));
        }
        YamlNode m = n.get("merge");
        ParallelStep.Merge merge = ParallelStep.Merge.DEEP;
        Step mergeScript = null;
        if (m != null && m.scalar() instanceof String s) {
            try {
                merge = ParallelStep.Merge.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                scope.problem(m, "unknown merge '" + s + "'; expected deep, replace, collect or a script {js: file} / {py: file}");
            }
        } else if (m != null && m.isMap() && (m.get("js") != null || m.get("py") != null)) {
            merge = ParallelStep.Merge.SCRIPT;
            mergeScript = scripts.script(m, m.get("js") != null ? "js" : "py", id + ".merge");
        } else if (m != null) {
            scope.problem(m, "'merge' is deep, replace, collect or {js: file} / {py: file}");
        }
        return new ParallelStep(scope.chain(), id, branches, merge, mergeScript);
    }

    private String resultPath(YamlNode n) {
        YamlNode r = n.get("result");
        if (r == null) {
            return "value";
        }
        if (!(r.scalar() instanceof String p) || !p.matches("(value|key)(\\..+)?|headers\\..+")) {
            scope.problem(r, "'result' is the record path the result's value goes to: value, value.<path>, key or headers.<name>");
            return "value";
        }
        return p;
    }

    private Step foreach(YamlNode n, String id) {
        YamlNode p = n.get("foreach");
        if (!(p.scalar() instanceof String path) || !path.startsWith("value.")) {
            scope.problem(p, "'foreach' takes the path of a list field: value.<path>");
            return null;
        }
        return new ForeachStep(scope.chain(), id, path, required(n, "steps", id));
    }

    private Step whileStep(YamlNode n, String id, StepContextView ctx) {
        Condition c = conditions.condition(n.get("while"), id, ctx);
        int max = 100;
        YamlNode m = n.get("max-iterations");
        if (m != null) {
            if (m.scalar() instanceof Long l && l > 0 && l <= 1_000_000) {
                max = l.intValue();
            } else {
                scope.problem(m, "'max-iterations' must be a positive integer up to 1000000");
            }
        }
        return new WhileStep(scope.chain(), id, c, required(n, "steps", id), max);
    }

    private Step call(YamlNode n, String id) {
        YamlNode t = n.get("call");
        if (!(t.scalar() instanceof String target)) {
            scope.problem(t, "'call' takes the path of a chain file");
            return null;
        }
        var body = registry.reference(baseDir.resolve(target).normalize(), target, t, true, scope);
        return body == null ? null : new CallStep(id, target, body);
    }

    private Step dispatch(YamlNode n, String id, StepContextView ctx) {
        Expression selector = conditions.expression(n.get("dispatch"), id, ctx);
        YamlNode chains = n.get("chains");
        Map<String, Step> targets = new LinkedHashMap<>();
        if (chains == null || !chains.isMap() || chains.entries().isEmpty()) {
            scope.problem(chains == null ? n : chains, "'dispatch' needs 'chains': a map of name to chain file");
        } else {
            for (Map.Entry<String, YamlNode> e : chains.entries().entrySet()) {
                Step s = target(e.getValue(), id + "." + e.getKey());
                if (s != null) {
                    targets.put(e.getKey(), s);
                }
            }
        }
        YamlNode d = n.get("default");
        return new DispatchStep(scope.chain(), id, selector, targets, d == null ? null : target(d, id + ".default"));
    }

    private Step target(YamlNode v, String id) {
        if (!(v.scalar() instanceof String file)) {
            scope.problem(v, "expected the path of a chain file");
            return null;
        }
        var body = registry.reference(baseDir.resolve(file).normalize(), file, v, false, scope);
        return body == null ? null : new CallStep(id, file, body);
    }

    private Step stateful(YamlNode n, String kind, String id, boolean topLevel, StepContextView ctx) {
        if (!topLevel) {
            scope.problem(n, "'" + kind + "' holds records across inputs: it can only be a top-level step of a chain");
            return null;
        }
        YamlNode spec = n.get(kind);
        if (!spec.isMap()) {
            scope.problem(spec, "'" + kind + "' takes a map of settings");
            return null;
        }
        YamlNode keyNode = spec.get("key");
        if (keyNode == null) {
            scope.problem(spec, "'" + kind + "' needs 'key': a record path or {js: expr}");
            return null;
        }
        Expression key = conditions.expression(keyNode, id, ctx);
        Duration window = spec.get("window") == null ? null : duration(spec.get("window"));
        if (kind.equals("aggregate")) {
            YamlNode count = spec.get("count");
            if ((count == null) == (window == null)) {
                scope.problem(spec, "'aggregate' needs either 'count' (records per window) or 'window' (a duration), not both");
                return null;
            }
            long c = count == null ? 0 : count.scalar() instanceof Long l && l > 0 ? l : -1;
            if (c < 0) {
                scope.problem(count, "'count' must be a positive integer");
                return null;
            }
            return new AggregateStep(id, key, (int) c, window == null ? 0 : window.toMillis());
        }
        if (window == null || spec.get("left") == null || spec.get("right") == null) {
            scope.problem(spec, "'correlate' needs key, left, right (conditions) and window");
            return null;
        }
        List<String> as = List.of("left", "right");
        if (spec.get("as") != null) {
            Object v = spec.get("as").toNeutral();
            if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String && l.get(1) instanceof String) {
                as = List.of((String) l.get(0), (String) l.get(1));
            } else {
                scope.problem(spec.get("as"), "'as' takes two names: [left-name, right-name]");
            }
        }
        return new CorrelateStep(id, key, conditions.condition(spec.get("left"), id, ctx), conditions.condition(spec.get("right"), id, ctx),
                window.toMillis(), as.get(0), as.get(1));
    }

    private Duration duration(YamlNode v) {
        try {
            return Durations.parse(v.scalar());
        } catch (IllegalArgumentException e) {
            scope.problem(v, e.getMessage());
            return Duration.ofSeconds(1);
        }
    }

    private Step memoize(YamlNode n, Step s, String id, StepContextView ctx) {
        YamlNode m = n.get("memoize");
        boolean pure = n.get("pure") != null && Boolean.TRUE.equals(n.get("pure").scalar());
        if (m == null) {
            return s;
        }
        if (!pure) {
            scope.problem(m, "'memoize' needs 'pure: true' on the step: only a step whose output depends on its input alone can be cached");
            return s;
        }
        if (s instanceof StatefulStep) {
            scope.problem(m, "a " + s.getClass().getSimpleName() + " cannot be memoized");
            return s;
        }
        if (!m.isMap() || m.get("key") == null) {
            scope.problem(m, "'memoize' takes {key: <path or expression>, ttl: <duration>, max-size: <n>}");
            return s;
        }
        Expression key = conditions.expression(m.get("key"), id, ctx);
        Duration ttl = m.get("ttl") == null ? null : duration(m.get("ttl"));
        long max = 10_000;
        if (m.get("max-size") != null) {
            if (m.get("max-size").scalar() instanceof Long l && l > 0) {
                max = l;
            } else {
                scope.problem(m.get("max-size"), "'max-size' must be a positive integer");
            }
        }
        MemoizedStep memo = new MemoizedStep(s, key, ttl, max, options.clock());
        memoized.add(memo);
        return memo;
    }

    private Step policy(YamlNode n, Step s, String id) {
        RetryPolicy retry = retry(n.get("retry"));
        YamlNode oe = n.get("on-error");
        PolicyStep.Action action = switch (defaultOnError) {
            case SKIP -> PolicyStep.Action.SKIP;
            case DROP -> PolicyStep.Action.DROP;
            default -> PolicyStep.Action.FAIL;
        };
        Step fallback = null;
        if (oe != null) {
            if (oe.scalar() instanceof String str) {
                try {
                    action = switch (OnError.parse(str)) {
                        case SKIP -> PolicyStep.Action.SKIP;
                        case DROP -> PolicyStep.Action.DROP;
                        default -> PolicyStep.Action.FAIL;
                    };
                } catch (IllegalArgumentException e) {
                    scope.problem(oe, e.getMessage() + ", or {fallback: <steps or chain file>}");
                }
            } else if (oe.isMap() && oe.get("fallback") != null && oe.entries().size() == 1) {
                YamlNode f = oe.get("fallback");
                fallback = f.scalar() instanceof String file ? target(f, id + ".fallback") : sequence(f, id + ".fallback");
                action = PolicyStep.Action.FALLBACK;
            } else {
                scope.problem(oe, "'on-error' is fail, dlq, skip, drop or {fallback: <steps or chain file>}");
            }
        }
        if (retry == RetryPolicy.NONE && action == PolicyStep.Action.FAIL) {
            return s;
        }
        return new PolicyStep(s, retry, action, fallback, id.hashCode());
    }

    private RetryPolicy retry(YamlNode r) {
        if (r == null) {
            return RetryPolicy.NONE;
        }
        if (!r.isMap()) {
            scope.problem(r, "'retry' takes {attempts, backoff, max-backoff, jitter, max-elapsed, on: [classes]}");
            return RetryPolicy.NONE;
        }
        for (String k : r.entries().keySet()) {
            if (!Set.of("attempts", "backoff", "max-backoff", "jitter", "max-elapsed", "on").contains(k)) {
                scope.problem(r.keyNode(k), "unknown retry key '" + k + "'; expected attempts, backoff, max-backoff, jitter, max-elapsed, on");
            }
        }
        int attempts = 3;
        if (r.get("attempts") != null) {
            if (r.get("attempts").scalar() instanceof Long l && l >= 1 && l <= 100) {
                attempts = l.intValue();
            } else {
                scope.problem(r.get("attempts"), "'attempts' must be an integer from 1 to 100 (attempts in all, the first included)");
            }
        }
        Duration backoff = r.get("backoff") == null ? Duration.ofMillis(100) : duration(r.get("backoff"));
        Duration maxBackoff = r.get("max-backoff") == null ? Duration.ofSeconds(10) : duration(r.get("max-backoff"));
        double jitter = 0;
        if (r.get("jitter") != null) {
            if (r.get("jitter").scalar() instanceof Number j && j.doubleValue() >= 0 && j.doubleValue() <= 1) {
                jitter = j.doubleValue();
            } else {
                scope.problem(r.get("jitter"), "'jitter' is a fraction from 0 to 1");
            }
        }
        Duration maxElapsed = r.get("max-elapsed") == null ? null : duration(r.get("max-elapsed"));
        Set<dev.catena.host.ErrorClass> on = RetryPolicy.TRANSIENT;
        if (r.get("on") != null) {
            on = new HashSet<>();
            for (YamlNode c : r.get("on").isList() ? r.get("on").items() : List.of(r.get("on"))) {
                var ec = conditions.errorClass(c);
                if (ec != null) {
                    on.add(ec);
                }
            }
        }
        return new RetryPolicy(attempts, backoff, maxBackoff, jitter, maxElapsed, on);
    }

    /** Problems so far, for the loader. */
    List<Problem> problems() {
        return scope.problems();
    }
}
