package dev.catena.host.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.catena.bindings.Message;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the hot-swap tests share: copies of the chains under {@code src/test/resources/swap/}
 * (tests change the copies, never the originals), a watcher on them, version-stamping scripts,
 * records, and the audit entries a watcher wrote.
 */
final class SwapHarness {
    static final Path RESOURCES = Path.of("src/test/resources/swap");
    /** Two JavaScript contexts, created on first use. */
    static final HostOptions OPTIONS = HostOptions.DEFAULT.withSandbox(SandboxOptions.DEFAULT
            .withPoolSize(2).withPrewarm(false).withTimeLimit(Duration.ofSeconds(5)));
    static final Duration DEBOUNCE = Duration.ofMillis(50);
    static final int HISTORY = 10;
    /** How long a test waits for an event before it fails (never a sleep: the wait ends on the event). */
    static final long TIMEOUT_SECONDS = 20;

    private SwapHarness() {
    }

    /** Copies {@code src/test/resources/swap/<name>/} into {@code dir}; returns the copy's {@code chain.yaml}. */
    static Path copy(String name, Path dir) {
        Path from = RESOURCES.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("chain.yaml");
    }

    /** Where {@code catena run --watch} keeps a chain's state (as the CLI's {@code ChainOptions.stateDir}). */
    static Path stateDir(Path chainFile) {
        return chainFile.toAbsolutePath().getParent().resolve(".catena").resolve("chain");
    }

    static ChainWatcher open(Path chainFile) {
        return open(chainFile, OPTIONS, null, HISTORY);
    }

    static ChainWatcher open(Path chainFile, HostOptions options, PublicKey trusted, int history) {
        return ChainWatcher.open(chainFile, options, new ChainWatcher.Options(trusted, stateDir(chainFile), DEBOUNCE, history));
    }

    /** {@code steps/tag.js} stamping each record with {@code version}. */
    static String tagScript(String version) {
        return """
                const VERSION = "%s";

                export function transform(msg, ctx) {
                  msg.value.version = VERSION;
                  return msg;
                }
                """.formatted(version);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record with key {@code key} and value {@code {"id": id}}. */
    static Message record(long id, String key) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id);
        return Message.builder().key(key).topic("t").value(value).origin("record " + id).build();
    }

    static Message record(long id) {
        return record(id, "k" + id);
    }

    /** The value of the one record an outcome emitted. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> value(Outcome o) {
        Outcome.Emitted e = assertInstanceOf(Outcome.Emitted.class, o, () -> "expected one emitted record, got " + o);
        assertEquals(1, e.messages().size(), () -> "expected one record, got " + e.messages());
        return (Map<String, Object>) e.messages().get(0).value();
    }

    /** The version marker the script stamped on the one record an outcome emitted. */
    static String version(Outcome o) {
        return (String) value(o).get("version");
    }

    /** Applies one record and returns the version marker it ran on. */
    static String versionOf(ChainWatcher w, long id) {
        return version(w.live().apply(record(id), null));
    }

    /**
     * Audit entries as the watcher hands them to listeners, in order, with a way to wait for one.
     * Attach before the action that audits.
     */
    static final class AuditEvents {
        private final List<Map<String, Object>> entries = new ArrayList<>();
        private final List<Waiter> waiters = new ArrayList<>();

        private record Waiter(Predicate<Map<String, Object>> match, CompletableFuture<Map<String, Object>> done) {
        }

        AuditEvents(ChainWatcher w) {
            w.audit().listen(this::accept);
        }

        private synchronized void accept(Map<String, Object> e) {
            entries.add(e);
            waiters.removeIf(x -> x.match().test(e) && x.done().complete(e));
        }

        /** The entries so far with this event name. */
        synchronized List<Map<String, Object>> of(String event) {
            return entries.stream().filter(e -> event.equals(e.get("event"))).toList();
        }

        synchronized List<Map<String, Object>> all() {
            return List.copyOf(entries);
        }

        /** A future completed by the next entry (from now on) with this event name. */
        synchronized CompletableFuture<Map<String, Object>> next(String event) {
            CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
            waiters.add(new Waiter(e -> event.equals(e.get("event")), f));
            return f;
        }
    }

    /** Waits for a future completed by an event, failing the test after {@link #TIMEOUT_SECONDS}. */
    static <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        }
    }
}
