package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch=true}: the task swaps chain versions as files change, and refuses what an SMT cannot run. */
class ChainTransformWatchTest {
    @TempDir
    Path dir;

    private static SinkRecord record(int n) {
        Map<String, Object> v = new HashMap<>();
        v.put("n", n);
        return new SinkRecord("t", 0, Schema.STRING_SCHEMA, "k" + n, null, v, n);
    }

    private void script(int version) throws IOException {
        Files.writeString(dir.resolve("steps/tag.js"),
                "export function transform(msg, ctx) { msg.value.version = " + version + "; return msg; }\n");
    }

    /** The next audit entry of the given event, as a future (no sleeping: the watcher tells us). */
    private static CompletableFuture<Map<String, Object>> next(ChainTransform<SinkRecord> t, String event) {
        CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
        t.watcher().audit().listen(e -> {
            if (event.equals(e.get("event"))) {
                f.complete(e);
            }
        });
        return f;
    }

    @Test
    void apply_usesTheNewVersion_afterAScriptChanges_andRefusesWhatAnSmtCannotRun() throws Exception {
        Files.createDirectories(dir.resolve("steps"));
        Path chain = dir.resolve("chain.yaml");
        Files.writeString(chain, "chain: watched\nsteps:\n  - id: tag\n    js: steps/tag.js\n");
        script(1);
        ChainTransform<SinkRecord> t = new ChainTransform<>();
        t.configure(Map.of("chain.file", chain.toString(), "watch", "true", "watch.debounce.ms", "20"));
        try {
            assertEquals(1L, ((Map<?, ?>) t.apply(record(1)).value()).get("version"));

            CompletableFuture<Map<String, Object>> swapped = next(t, "swap");
            script(2);
            swapped.get(30, TimeUnit.SECONDS);
            assertEquals(2L, ((Map<?, ?>) t.apply(record(2)).value()).get("version"));

            // a version that may split records is refused: the SMT keeps version 2
            CompletableFuture<Map<String, Object>> refused = next(t, "refuse");
            Files.writeString(chain, "chain: watched\nsteps:\n  - id: tag\n    js: steps/tag.js\n    split: true\n");
            Map<String, Object> entry = refused.get(30, TimeUnit.SECONDS);
            assertTrue(String.valueOf(entry.get("reason")).contains("split: true"), entry.toString());
            assertEquals(2L, ((Map<?, ?>) t.apply(record(3)).value()).get("version"));
            // JMX carries the version serving records and the refusals
            assertEquals(t.watcher().live().current().id(), t.metrics().getAttribute("version"));
            assertEquals(1L, t.metrics().getAttribute("refusals-total"));
            // the audit log is beside the chain, one directory per transform instance
            try (var dirs = Files.list(dir.resolve(".catena/chain"))) {
                Path audit = dirs.findFirst().orElseThrow().resolve("audit.jsonl");
                List<String> events = Files.readAllLines(audit).stream()
                        .map(l -> l.replaceAll(".*\"event\":\"([a-z-]+)\".*", "$1")).toList();
                assertEquals(List.of("load", "swap", "refuse"), events);
            }
        } finally {
            t.close();
        }
    }
}
