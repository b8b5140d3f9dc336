package dev.catena.host.swap;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.ChainStats;
import dev.catena.host.Outcome;
import dev.catena.host.RecordProcessor;
import dev.catena.host.exec.Trace;
import dev.catena.sandbox.Sandbox;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A chain whose version changes while it runs. Each record is processed by exactly one version
 * (the one current when it arrives) and finishes on it; a swap is one atomic reference change.
 * A staged new version is a canary (a share of records by key hash) or a shadow (run beside the
 * current one on the same records, its output compared and dropped); it is promoted after
 * {@code promote-after} records, or rolled back automatically when its error rate passes the
 * threshold. Versions are kept in a bounded history for {@link #rollback(String)}.
 */
public final class LiveChain implements RecordProcessor {
    /** How the candidate version takes part. */
    public enum Mode { NONE, CANARY, SHADOW }

    /** The versions in service, swapped as one. */
    record State(ChainVersion primary, ChainVersion candidate, Mode mode) {
    }

    private static final JsonCodec JSON = new JsonCodec();
    private static final int SHADOW_SAMPLES = 10;

    private final String name;
    private final Sandbox sandbox;
    private final AuditLog audit;
    private final LongSupplier clock;
    private final int historySize;
    private final AtomicReference<State> state;
    private final Deque<ChainVersion> history = new ArrayDeque<>();
    private final List<ChainStats> pastStats = new ArrayList<>();
    private final List<ChainVersion> retired = new ArrayList<>();
    private final List<String> shadowSamples = new ArrayList<>();
    private long shadowCompared;
    private long shadowDiffers;
    private volatile String lastRefusal;
    private final java.util.concurrent.atomic.AtomicLong refusals = new java.util.concurrent.atomic.AtomicLong();

    LiveChain(ChainVersion first, Sandbox sandbox, AuditLog audit, LongSupplier clock, int historySize) {
        this.name = first.chain().name();
        this.sandbox = sandbox;
        this.audit = audit;
        this.clock = clock;
        this.historySize = historySize;
        this.state = new AtomicReference<>(new State(first, null, Mode.NONE));
        history.addFirst(first);
    }

    @Override
    public String name() {
        return name;
    }

    /** The version serving most records. */
    public ChainVersion current() {
        return state.get().primary();
    }

    /** The staged version (canary or shadow), or null. */
    public ChainVersion candidate() {
        return state.get().candidate();
    }

    public Mode mode() {
        return state.get().mode();
    }

    @Override
    public Outcome apply(Message input, Trace trace) {
        while (true) {
            State s = state.get();
            ChainVersion v = s.primary();
            boolean toCandidate = s.mode() == Mode.CANARY && bucket(input) < s.candidate().rollout().canaryPercent();
            if (toCandidate) {
                v = s.candidate();
            }
            if (!v.enter()) {
                continue;   // swapped meanwhile: take the version now current
            }
            Outcome o;
            try {
                o = v.chain().apply(input, trace);
            } finally {
                v.leave();
            }
            v.handled.increment();
            if (o instanceof Outcome.Failed) {
                v.failed.increment();
            }
            if (s.mode() == Mode.SHADOW) {
                shadow(s.candidate(), input, o);
            }
            if (s.candidate() != null && (toCandidate || s.mode() == Mode.SHADOW)) {
                judge(s);
            }
            return o;
        }
    }

    /** 0..99 from the record's key (its value when there is no key): the same record always lands the same way. */
    static int bucket(Message m) {
        String k = JSON.encodeValue(m.key() != null ? m.key() : m.value());
        return Math.floorMod(k.hashCode() * 0x9E3779B9, 100);
    }

    private void shadow(ChainVersion candidate, Message input, Outcome primaryOutcome) {
        if (!candidate.enter()) {
            return;
        }
        Outcome o;
        try {
            o = candidate.chain().apply(input);
        } finally {
            candidate.leave();
        }
        candidate.handled.increment();
        if (o instanceof Outcome.Failed) {
            candidate.failed.increment();
        }
        String a = describe(primaryOutcome);
        String b = describe(o);
        synchronized (shadowSamples) {
            shadowCompared++;
            if (!a.equals(b)) {
                shadowDiffers++;
                if (shadowSamples.size() < SHADOW_SAMPLES) {
                    shadowSamples.add(input.describe() + ": current " + a + " / new " + b);
                }
            }
        }
    }

    private static String describe(Outcome o) {
        return switch (o) {
            case Outcome.Emitted e -> e.messages().stream().map(m -> JSON.encode(m.toBuilder().origin(null).build())).toList().toString();
            case Outcome.Dropped d -> "dropped by " + d.stepId();
            case Outcome.Absorbed a -> "absorbed by " + a.stepId();
            case Outcome.Failed f -> "failed: " + f.failure().errorClass().id();
        };
    }

    /** Rolls a bad candidate back, or promotes a good one. */
    private void judge(State s) {
        ChainVersion c = s.candidate();
        Rollout r = c.rollout();
        long handled = c.handled.sum();
        if (handled >= r.minRecords() && handled > 0 && (double) c.failed.sum() / handled > r.maxErrorRate()) {
            if (state.compareAndSet(s, new State(s.primary(), null, Mode.NONE))) {
                retire(c, s.mode() == Mode.CANARY);
                audit.record(clock.getAsLong(), name, "rollback", s.primary().id(), c.id(), null, "ok",
                        "automatic: error rate " + c.failed.sum() + "/" + handled + " above " + r.maxErrorRate());
            }
        } else if (r.promoteAfter() > 0 && handled >= r.promoteAfter()) {
            promote(s, "automatic after " + handled + " records");
        }
    }

    private void promote(State s, String reason) {
        if (state.compareAndSet(s, new State(s.candidate(), null, Mode.NONE))) {
            if (s.mode() == Mode.SHADOW) {
                s.candidate().chain().resetStats();   // its shadow runs were not records of this run
            }
            retire(s.primary());
            audit.record(clock.getAsLong(), name, "promote", s.candidate().id(), s.primary().id(), null, "ok", reason);
        }
    }

    /** Promotes the staged version now. */
    public boolean promote() {
        State s = state.get();
        if (s.candidate() == null) {
            return false;
        }
        promote(s, "by request");
        return true;
    }

    /** Puts a new, validated version in service: at once, or staged as its rollout says. */
    void offer(ChainVersion v) {
        offer(v, "swap", null);
    }

    /** As {@link #offer(ChainVersion)}, audited as {@code event} (a rollback is a swap to an old version). */
    synchronized void offer(ChainVersion v, String event, String reason) {
        State s = state.get();
        remember(v);
        if (v.rollout().staged()) {
            Mode m = v.rollout().shadow() ? Mode.SHADOW : Mode.CANARY;
            state.set(new State(s.primary(), v, m));
            if (s.candidate() != null) {
                retire(s.candidate(), s.mode() == Mode.CANARY);
            }
            synchronized (shadowSamples) {
                shadowCompared = 0;
                shadowDiffers = 0;
                shadowSamples.clear();
            }
            audit.record(clock.getAsLong(), name, m == Mode.SHADOW ? "shadow" : "canary", v.id(), s.primary().id(), v.fileHashes(), "ok",
                    m == Mode.SHADOW ? "runs beside " + s.primary().id() : v.rollout().canaryPercent() + "% of records");
            return;
        }
        state.set(new State(v, null, Mode.NONE));
        retire(s.primary());
        if (s.candidate() != null) {
            retire(s.candidate(), s.mode() == Mode.CANARY);
        }
        audit.record(clock.getAsLong(), name, event, v.id(), s.primary().id(), v.fileHashes(), "ok", reason);
    }

    private void remember(ChainVersion v) {
        history.removeIf(h -> h.id().equals(v.id()));
        history.addFirst(v);
        while (history.size() > historySize) {
            history.removeLast();
        }
    }

    /** Version ids, newest first. */
    public synchronized List<String> history() {
        return history.stream().map(ChainVersion::id).toList();
    }

    /** The files of a version in the history, to reload it. */
    synchronized VersionFiles filesOf(String id) {
        for (ChainVersion v : history) {
            if (v.id().equals(id)) {
                return v.files();
            }
        }
        return null;
    }

    /** The version before the current one, or null. */
    public synchronized String previous() {
        String cur = current().id();
        for (ChainVersion v : history) {
            if (!v.id().equals(cur)) {
                return v.id();
            }
        }
        return null;
    }

    void refused(String reason) {
        lastRefusal = reason;
        refusals.incrementAndGet();
    }

    /** Changes refused so far. */
    public long refusals() {
        return refusals.get();
    }

    private void retire(ChainVersion v) {
        retire(v, true);
    }

    /** @param served whether its records count (a shadow's runs do not: they were not emitted) */
    private void retire(ChainVersion v, boolean served) {
        synchronized (retired) {
            if (served) {
                pastStats.add(v.chain().stats());
            }
            retired.add(v);
        }
        v.retire();
    }

    /** Drops the staged version, if any; the current one goes on alone. */
    synchronized void dropCandidate(String reason) {
        State s = state.get();
        if (s.candidate() == null) {
            return;
        }
        state.set(new State(s.primary(), null, Mode.NONE));
        retire(s.candidate(), s.mode() == Mode.CANARY);
        audit.record(clock.getAsLong(), name, "rollback", s.primary().id(), s.candidate().id(), null, "ok", reason);
    }

    Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public List<Outcome> drain() {
        List<Outcome> out = new ArrayList<>();
        synchronized (retired) {
            for (ChainVersion v : retired) {
                out.addAll(v.takeLeftovers());
            }
            retired.removeIf(ChainVersion::isClosed);
        }
        State s = state.get();
        out.addAll(s.primary().chain().drain());
        if (s.candidate() != null && s.mode() == Mode.CANARY) {
            out.addAll(s.candidate().chain().drain());
        }
        return out;
    }

    @Override
    public List<Outcome> flush() {
        List<Outcome> out = new ArrayList<>(drain());
        State s = state.get();
        out.addAll(s.primary().chain().flush());
        if (s.candidate() != null && s.mode() == Mode.CANARY) {
            out.addAll(s.candidate().chain().flush());
        }
        return out;
    }

    @Override
    public ChainStats stats() {
        List<ChainStats> all;
        synchronized (retired) {
            all = new ArrayList<>(pastStats);
        }
        State s = state.get();
        all.add(s.primary().chain().stats());
        if (s.candidate() != null && s.mode() == Mode.CANARY) {
            all.add(s.candidate().chain().stats());
        }
        return ChainStats.sum(all);
    }

    @Override
    public Map<String, CacheStats> memoStats() {
        return current().chain().memoStats();
    }

    /** What {@code catena status} shows. */
    public Map<String, Object> status() {
        State s = state.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chain", name);
        m.put("version", s.primary().id());
        m.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (s.candidate() != null) {
            m.put("candidate", s.candidate().id());
            m.put("candidateHandled", s.candidate().handled.sum());
            m.put("candidateFailed", s.candidate().failed.sum());
        }
        m.put("history", history());
        ChainStats st = stats();
        m.put("records", Map.of("in", st.in(), "out", st.out(), "dropped", st.dropped(), "failed", st.failed()));
        synchronized (shadowSamples) {
            if (s.mode() == Mode.SHADOW || shadowCompared > 0) {
                m.put("shadow", Map.of("compared", shadowCompared, "differ", shadowDiffers, "samples", List.copyOf(shadowSamples)));
            }
        }
        m.put("refusals", refusals.get());
        if (lastRefusal != null) {
            m.put("lastRefusal", lastRefusal);
        }
        return m;
    }

    /** Shadow comparison so far: records compared and how many differed, with up to 10 samples. */
    public synchronized Map<String, Object> shadowReport() {
        synchronized (shadowSamples) {
            return Map.of("compared", shadowCompared, "differ", shadowDiffers, "samples", List.copyOf(shadowSamples));
        }
    }

    @Override
    public void close() {
        State s = state.get();
        s.primary().retire();
        if (s.candidate() != null) {
            s.candidate().retire();
        }
        sandbox.close();
    }
}
