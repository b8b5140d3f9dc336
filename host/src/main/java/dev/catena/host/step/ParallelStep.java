package dev.catena.host.step;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code parallel: [[steps], [steps]], merge: deep | replace | collect | {js: merge.js}}: every
 * branch runs on the same input — concurrently when another core is free — and the results are
 * merged in branch order, whatever order they finished in:
 * <ul>
 * <li>{@code deep}: branch values merged into the input value (maps recursively, anything else
 *     replaced; later branches win), headers likewise;</li>
 * <li>{@code replace}: the last branch that produced a record wins;</li>
 * <li>{@code collect}: the input value gets {@code results}, a list of each branch's value
 *     (null for a branch that dropped the record);</li>
 * <li>a merge script gets {@code {input: <value>, results: [<values>]}} as the value and returns
 *     the merged record.</li>
 * </ul>
 * A branch that drops the record contributes nothing; a branch may not split it.
 */
public final class ParallelStep implements Step {
    /** Merge strategies. */
    public enum Merge { DEEP, REPLACE, COLLECT, SCRIPT }

    /**
     * Platform threads for branches: GraalVM contexts may not be entered from ForkJoinPool's
     * common pool workers (seen: "TruffleSafepoint mechanism is not initialized on this thread").
     */
    private static final ExecutorService BRANCHES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "catena-parallel");
        t.setDaemon(true);
        return t;
    });

    private final String chain;
    private final String id;
    private final List<Step> branches;
    private final Merge merge;
    private final Step mergeScript;

    public ParallelStep(String chain, String id, List<Step> branches, Merge merge, Step mergeScript) {
        this.chain = chain;
        this.id = id;
        this.branches = List.copyOf(branches);
        this.merge = merge;
        this.mergeScript = mergeScript;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Step> children() {
        List<Step> all = new ArrayList<>(branches);
        if (mergeScript != null) {
            all.add(mergeScript);
        }
        return all;
    }

    @Override
    public boolean canSplit() {
        return false;
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        int n = branches.size();
        List<Exec> forks = new ArrayList<>(n);
        List<CompletableFuture<List<Message>>> futures = new ArrayList<>(n);
        boolean concurrent = Runtime.getRuntime().availableProcessors() > 1 && n > 1;
        for (int i = 0; i < n; i++) {
            Step branch = branches.get(i);
            Exec fork = x.fork();
            forks.add(fork);
            if (concurrent && i > 0) {
                futures.add(CompletableFuture.supplyAsync(() -> branch.apply(input, fork), BRANCHES));
            } else {
                futures.add(null);
            }
        }
        List<Message> results = new ArrayList<>(n);
        StepFailure failure = null;
        for (int i = 0; i < n; i++) {
            try {
                List<Message> out = futures.get(i) == null ? branches.get(i).apply(input, forks.get(i)) : futures.get(i).join();
                if (out.size() > 1) {
                    throw new StepFailure(chain, id, ErrorClass.SCRIPT_ERROR, null, input.describe(),
                            "parallel branch " + (i + 1) + " returned " + out.size() + " records; a branch may not split", null);
                }
                results.add(out.isEmpty() ? null : out.get(0));
            } catch (CompletionException e) {
                failure = failure != null ? failure : asFailure(e.getCause(), input);
            } catch (StepFailure f) {
                failure = failure != null ? failure : f;
            }
        }
        for (Exec fork : forks) {
            x.join(fork);
        }
        if (failure != null) {
            throw failure;
        }
        x.trace(id, "merged " + n + " branches (" + merge.name().toLowerCase(java.util.Locale.ROOT) + ")");
        return merge(input, results, x);
    }

    private StepFailure asFailure(Throwable t, Message input) {
        if (t instanceof StepFailure f) {
            return f;
        }
        return new StepFailure(chain, id, ErrorClass.INTERNAL, null, input.describe(), "parallel branch failed: " + t, t);
    }

    private List<Message> merge(Message input, List<Message> results, Exec x) {
        switch (merge) {
            case REPLACE -> {
                for (int i = results.size() - 1; i >= 0; i--) {
                    if (results.get(i) != null) {
                        return List.of(results.get(i));
                    }
                }
                return List.of(input);
            }
            case COLLECT -> {
                List<Object> values = new ArrayList<>();
                for (Message m : results) {
                    values.add(m == null ? null : m.value());
                }
                if (input.value() instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> v = new LinkedHashMap<>((Map<String, Object>) map);
                    v.put("results", values);
                    return List.of(input.withValue(v));
                }
                return List.of(input.withValue(values));
            }
            case SCRIPT -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("input", input.value());
                List<Object> values = new ArrayList<>();
                for (Message m : results) {
                    values.add(m == null ? null : m.value());
                }
                v.put("results", values);
                return mergeScript.apply(input.withValue(v), x);
            }
            default -> {
                Object value = Values.deepCopy(input.value());
                Headers headers = input.headers();
                Message last = input;
                for (Message m : results) {
                    if (m == null) {
                        continue;
                    }
                    value = deepMerge(value, m.value());
                    for (Headers.Header h : m.headers().entries()) {
                        headers = headers.with(h.name(), h.value());
                    }
                    last = m;
                }
                return List.of(last.toBuilder().value(value).headers(headers).build());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Object deepMerge(Object into, Object from) {
        if (into instanceof Map<?, ?> a && from instanceof Map<?, ?> b) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) a);
            for (Map.Entry<?, ?> e : b.entrySet()) {
                String k = (String) e.getKey();
                out.put(k, out.containsKey(k) ? deepMerge(out.get(k), e.getValue()) : e.getValue());
            }
            return out;
        }
        return from;
    }
}
