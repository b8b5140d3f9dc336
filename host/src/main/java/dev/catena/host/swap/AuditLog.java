package dev.catena.host.swap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every load, refusal, swap, promotion and rollback of a chain, appended as one JSON line:
 * {@code {"time", "chain", "event", "version", "previous", "files": {path: hash}, "result", "reason"}}.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<Consumer<Map<String, Object>>> listeners = new ArrayList<>();

    /** @param file where to append, or null to keep entries only for listeners */
    public AuditLog(Path file) {
        this.file = file;
    }

    /** Called with every entry, after it is written (tests wait on these instead of sleeping). */
    public synchronized void listen(Consumer<Map<String, Object>> listener) {
        listeners.add(listener);
    }

    public void record(long timeMillis, String chain, String event, String version, String previous, Map<String, String> files,
            String result, String reason) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("time", Instant.ofEpochMilli(timeMillis).toString());
        e.put("chain", chain);
        e.put("event", event);
        e.put("version", version);
        if (previous != null) {
            e.put("previous", previous);
        }
        if (files != null) {
            e.put("files", files);
        }
        e.put("result", result);
        if (reason != null) {
            e.put("reason", reason);
        }
        List<Consumer<Map<String, Object>>> ls;
        synchronized (this) {
            if (file != null) {
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, JSON.writeValueAsString(e) + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot append to audit log " + file, ex);
                }
            }
            ls = List.copyOf(listeners);
        }
        ls.forEach(l -> l.accept(e));
    }
}
