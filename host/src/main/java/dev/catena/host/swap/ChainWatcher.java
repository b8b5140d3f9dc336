package dev.catena.host.swap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import dev.catena.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Watches a chain file's directory (scripts, called chains, overlays, fixtures) and swaps in new
 * versions: on a change (debounced) it parses, compiles and validates the chain, runs its
 * fixtures, and only then offers it to the {@link LiveChain}; a broken change is refused —
 * logged, audited, shown by {@code catena status} — and the running version keeps serving.
 * Commands from {@code catena rollback} and {@code catena promote} arrive as
 * {@code <state>/control.json}.
 */
public final class ChainWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChainWatcher.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param trusted  public key files must be signed with, or null
     * @param stateDir where status.json, audit.jsonl and control.json live
     * @param debounce quiet time after the last change before reloading
     * @param history  versions kept for rollback
     */
    public record Options(PublicKey trusted, Path stateDir, Duration debounce, int history, java.util.function.Function<Chain, String> veto) {
        public Options(PublicKey trusted, Path stateDir, Duration debounce, int history) {
            this(trusted, stateDir, debounce, history, c -> null);
        }

        public Path auditFile() {
            return stateDir.resolve("audit.jsonl");
        }
    }

    /** What a reload did. */
    public record Result(String outcome, String version, String reason) {
    }

    private final Path chainFile;
    private final HostOptions options;
    private final Options watch;
    private final AuditLog audit;
    private final LiveChain live;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catena-watch");
        t.setDaemon(true);
        return t;
    });
    private WatchService watcher;
    private Thread watchThread;
    private ScheduledFuture<?> pending;

    private ChainWatcher(Path chainFile, HostOptions options, Options watch, AuditLog audit, LiveChain live) {
        this.chainFile = chainFile;
        this.options = options;
        this.watch = watch;
        this.audit = audit;
        this.live = live;
    }

    /**
     * Loads the first version (it must be valid) and returns a watcher not yet watching; call
     * {@link #watch()} to follow file changes.
     *
     * @throws ChainLoadException when the chain as it is on disk does not load
     */
    public static ChainWatcher open(Path chainFile, HostOptions options, Options watch) {
        AuditLog audit = new AuditLog(watch.auditFile());
        Sandbox sandbox = new Sandbox(options.sandbox());
        try {
            ChainVersion first = load(chainFile, options, watch, new VersionFiles(watch.trusted()), sandbox);
            audit.record(options.clock().getAsLong(), first.chain().name(), "load", first.id(), null, first.fileHashes(), "ok", null);
            ChainWatcher w = new ChainWatcher(chainFile, options, watch, audit, new LiveChain(first, sandbox, audit,
                    options.clock(), watch.history()));
            w.writeStatus();
            return w;
        } catch (RuntimeException e) {
            audit.record(options.clock().getAsLong(), chainFile.toString(), "load", null, null, null, "refused", e.getMessage());
            sandbox.close();
            throw e;
        }
    }

    public LiveChain live() {
        return live;
    }

    public AuditLog audit() {
        return audit;
    }

    private static ChainVersion load(Path chainFile, HostOptions options, Options watch, VersionFiles files, Sandbox sandbox) {
        HostOptions o = options.withFiles(files);
        YamlNode doc = ChainLoader.document(chainFile, o);
        List<Problem> problems = new ArrayList<>();
        Rollout rollout = Rollout.parse(doc, problems);
        if (!problems.isEmpty()) {
            throw new ChainLoadException(problems);
        }
        Chain chain = ChainLoader.fromDocument(doc, chainFile, o, sandbox);
        String vetoed = watch.veto().apply(chain);
        if (vetoed != null) {
            chain.close();
            throw new ChainLoadException(List.of(new Problem(chainFile.toString(), 0, 0, vetoed)));
        }
        if (doc.get("fixtures") != null) {
            // fixtures run on a chain of their own: stateful steps must not keep their records
            try (Chain probe = ChainLoader.fromDocument(doc, chainFile, o, sandbox)) {
                List<String> failures = Fixtures.run(doc, chainFile, probe, files);
                if (!failures.isEmpty()) {
                    throw new ChainLoadException(failures.stream().map(f -> new Problem(chainFile.toString(), 0, 0, f)).toList());
                }
            } catch (IOException e) {
                chain.close();
                throw new ChainLoadException(List.of(new Problem(chainFile.toString(), 0, 0, "cannot run fixtures: " + e.getMessage())));
            } catch (RuntimeException e) {
                chain.close();
                throw e;
            }
        }
        return new ChainVersion(files.versionId(), chain, files, rollout, options.clock().getAsLong());
    }

    /** Loads the files as they are now and swaps them in if they are valid and changed. */
    public synchronized Result reload() {
        ChainVersion v;
        VersionFiles files = new VersionFiles(watch.trusted());
        try {
            v = load(chainFile, options, watch, files, live.sandbox());
        } catch (ChainLoadException e) {
            String reason = e.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
            return refuse(files.versionId(), reason);
        } catch (RuntimeException e) {
            return refuse(files.versionId(), e.toString());
        }
        String id = v.id();
        ChainVersion cur = live.current();
        ChainVersion cand = live.candidate();
        lastRefused = null;
        if (id.equals(cur.id()) || cand != null && id.equals(cand.id())) {
            v.retire();
            return new Result("unchanged", id, null);
        }
        live.offer(v);
        writeStatus();
        return new Result(v.rollout().staged() ? (v.rollout().shadow() ? "shadow" : "canary") : "swapped", id, null);
    }

    private String lastRefused;

    private Result refuse(String attempted, String reason) {
        String cur = live.current().id();
        if (attempted.equals(lastRefused)) {
            return new Result("unchanged", cur, reason);   // the same broken files again: said already
        }
        lastRefused = attempted;
        live.refused(reason);
        LOG.warning(() -> "chain " + live.name() + ": change refused, version " + cur + " keeps serving: " + reason);
        audit.record(options.clock().getAsLong(), live.name(), "refuse", null, cur, null, "refused", reason);
        writeStatus();
        return new Result("refused", cur, reason);
    }

    /**
     * Goes back to a version in the history (the previous one when {@code to} is null).
     *
     * @return the outcome; "refused" when there is no such version
     */
    public synchronized Result rollback(String to) {
        if (to == null && live.candidate() != null) {
            // a staged version is rolled back by dropping it: the current one goes on alone
            String dropped = live.candidate().id();
            live.dropCandidate("by request");
            writeStatus();
            return new Result("rolled-back", live.current().id(), "dropped staged version " + dropped);
        }
        String target = to == null ? live.previous() : to;
        VersionFiles files = target == null ? null : live.filesOf(target);
        if (files == null) {
            String reason = target == null ? "no earlier version" : "no version " + target + " in the history " + live.history();
            audit.record(options.clock().getAsLong(), live.name(), "rollback", target, live.current().id(), null, "refused", reason);
            return new Result("refused", live.current().id(), reason);
        }
        ChainVersion v;
        try {
            v = load(chainFile, options, watch, files.replay(), live.sandbox());
        } catch (RuntimeException e) {
            return refuse("rollback-" + target, "rollback to " + target + " failed: " + e.getMessage());
        }
        ChainVersion immediate = new ChainVersion(v.id(), v.chain(), files, Rollout.IMMEDIATE, v.loadedAt());
        live.offer(immediate, "rollback", to == null ? "by request, to the previous version" : "by request");
        writeStatus();
        return new Result("rolled-back", immediate.id(), null);
    }

    /** Starts following file changes and control commands. */
    public synchronized void watch() {
        try {
            Files.createDirectories(watch.stateDir());
            watcher = FileSystems.getDefault().newWatchService();
            Path dir = chainFile.toAbsolutePath().getParent();
            Path stateRoot = dir.resolve(".catena");
            try (Stream<Path> dirs = Files.walk(dir)) {
                for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.startsWith(stateRoot)).toList()) {
                    d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
            // the state directory only for control.json (catena rollback / promote)
            watch.stateDir().toAbsolutePath().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + chainFile.getParent(), e);
        }
        watchThread = new Thread(this::loop, "catena-watch-events");
        watchThread.setDaemon(true);
        watchThread.start();
        scheduler.scheduleWithFixedDelay(this::writeStatus, 1, 1, TimeUnit.SECONDS);
    }

    private void loop() {
        Path control = watch.stateDir().toAbsolutePath().resolve("control.json");
        Path state = watch.stateDir().toAbsolutePath();
        Path stateRoot = chainFile.toAbsolutePath().getParent().resolve(".catena");
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                boolean changed = false;
                for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path p) {
                        Path full = dir.resolve(p).toAbsolutePath();
                        if (full.equals(control)) {
                            scheduler.execute(this::control);
                        } else if (!full.startsWith(state) && !full.startsWith(stateRoot) && !p.toString().endsWith(".tmp")) {
                            changed = true;
                            if (Files.isDirectory(full)) {
                                full.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                                        StandardWatchEventKinds.ENTRY_DELETE);
                            }
                        }
                    } else {
                        changed = true;   // overflow: something changed, reload to be sure
                    }
                }
                key.reset();
                if (changed) {
                    debounce();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closing
        } catch (IOException e) {
            LOG.log(Level.WARNING, "watching " + chainFile + " stopped", e);
        }
    }

    private synchronized void debounce() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(() -> {
            Result r = reload();
            LOG.info(() -> "chain " + live.name() + ": " + r.outcome() + " " + r.version() + (r.reason() == null ? "" : ": " + r.reason()));
        }, watch.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void control() {
        Path control = watch.stateDir().resolve("control.json");
        try {
            if (!Files.exists(control)) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cmd = JSON.readValue(Files.readString(control), Map.class);
            Files.deleteIfExists(control);
            switch (String.valueOf(cmd.get("command"))) {
                case "rollback" -> rollback((String) cmd.get("to"));
                case "promote" -> live.promote();
                default -> LOG.warning("unknown control command " + cmd);
            }
            writeStatus();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + control, e);
        }
    }

    /** Writes {@code status.json} (atomically: a reader never sees half a file). */
    public synchronized void writeStatus() {
        try {
            Files.createDirectories(watch.stateDir());
            Path tmp = watch.stateDir().resolve("status.json.tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live.status()));
            Files.move(tmp, watch.stateDir().resolve("status.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot write status", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            // a reload or status write in progress finishes before the last status is written: nothing writes after close()
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            if (watchThread != null) {
                watchThread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeStatus();
        live.close();
    }
}
