package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.read;
import static dev.catena.host.swap.SwapHarness.stateDir;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.versionOf;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit.jsonl}: one JSON object per line for every load, swap, refusal, canary, shadow, promotion and rollback. */
class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyEvent_isOneJsonLine_withTimeChainEventVersionPreviousFilesResultReason() throws IOException {
        Path chain = copy("tagged", dir);
        Path script = dir.resolve("steps/tag.js");
        String base = read(chain);
        List<String> ids = new ArrayList<>();
        try (ChainWatcher w = open(chain)) {
            ids.add(w.live().current().id());                                     // load
            write(script, tagScript("v1"));
            ids.add(w.reload().version());                                        // swap
            write(script, "export function transform(msg, ctx) {\n  return msg.value. ;\n}\n");
            w.reload();                                                           // refuse
            write(chain, base + "rollout:\n  canary: {percent: 10}\n");
            write(script, tagScript("v2"));
            ids.add(w.reload().version());                                        // canary
            w.live().promote();                                                   // promote
            write(chain, base + "rollout:\n  shadow: true\n");
            write(script, tagScript("v3"));
            ids.add(w.reload().version());                                        // shadow
            w.rollback(ids.get(1));                                               // rollback (shadow dropped)
            assertEquals("v1", versionOf(w, 1));
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(stateDir(chain).resolve("audit.jsonl"))) {
            lines.add(JSON.readTree(l));
        }
        assertEquals(List.of("load", "swap", "refuse", "canary", "promote", "shadow", "rollback"),
                lines.stream().map(e -> e.get("event").asText()).toList());
        for (JsonNode e : lines) {
            Instant.parse(e.get("time").asText());
            assertEquals("hs", e.get("chain").asText(), e.toString());
            assertTrue(e.has("result"), e.toString());
            Set<String> known = Set.of("time", "chain", "event", "version", "previous", "files", "result", "reason");
            e.fieldNames().forEachRemaining(f -> assertTrue(known.contains(f), "unexpected field " + f + " in " + e));
        }
        JsonNode load = lines.get(0);
        assertEquals(ids.get(0), load.get("version").asText());
        assertFalse(load.has("previous"));
        assertFiles(load, chain, script);
        assertEquals("ok", load.get("result").asText());

        JsonNode swap = lines.get(1);
        assertEquals(ids.get(1), swap.get("version").asText());
        assertEquals(ids.get(0), swap.get("previous").asText());
        assertFiles(swap, chain, script);
        assertFalse(swap.get("files").equals(load.get("files")), "the script's hash changed");
        assertEquals(load.get("files").get(chain.toAbsolutePath().toString()), swap.get("files").get(chain.toAbsolutePath().toString()));

        JsonNode refuse = lines.get(2);
        assertTrue(refuse.get("version").isNull(), refuse.toString());
        assertEquals(ids.get(1), refuse.get("previous").asText());
        assertEquals("refused", refuse.get("result").asText());
        assertTrue(refuse.get("reason").asText().contains("steps/tag.js:2:"), refuse.toString());

        JsonNode canary = lines.get(3);
        assertEquals(ids.get(2), canary.get("version").asText());
        assertEquals(ids.get(1), canary.get("previous").asText());
        assertEquals("10% of records", canary.get("reason").asText());
        assertFiles(canary, chain, script);

        JsonNode promote = lines.get(4);
        assertEquals(ids.get(2), promote.get("version").asText());
        assertEquals(ids.get(1), promote.get("previous").asText());
        assertEquals("by request", promote.get("reason").asText());

        JsonNode shadow = lines.get(5);
        assertEquals(ids.get(3), shadow.get("version").asText());
        assertEquals(ids.get(2), shadow.get("previous").asText());
        assertEquals("runs beside " + ids.get(2), shadow.get("reason").asText());

        JsonNode rollback = lines.get(6);
        assertEquals(ids.get(1), rollback.get("version").asText());
        assertEquals(ids.get(2), rollback.get("previous").asText());
        assertEquals("ok", rollback.get("result").asText());
        assertEquals("by request", rollback.get("reason").asText());
        assertFiles(rollback, chain, script);
    }

    /** {@code files}: absolute path to the first 16 hex digits of the content's SHA-256, for every file the version was loaded from. */
    private static void assertFiles(JsonNode entry, Path... expected) {
        JsonNode files = entry.get("files");
        assertEquals(expected.length, files.size(), entry.toString());
        for (Path p : expected) {
            JsonNode h = files.get(p.toAbsolutePath().toString());
            assertTrue(h != null && h.asText().matches("[0-9a-f]{16}"), p + " in " + entry);
        }
    }
}
