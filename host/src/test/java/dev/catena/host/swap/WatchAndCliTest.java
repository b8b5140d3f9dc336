package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.await;
import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.stateDir;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.versionOf;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.host.cli.CatenaCli;
import dev.catena.host.swap.SwapHarness.AuditEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watching path ({@link ChainWatcher#watch()}) and the CLI commands that talk to a watched chain. */
class WatchAndCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = CatenaCli.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Cli(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void watch_swapsInAFileChange_andRefusesABrokenOne() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            w.watch();
            CompletableFuture<Map<String, Object>> swapped = audit.next("swap");
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            Map<String, Object> swap = await(swapped, "swap after the script was saved");
            assertEquals(w.live().current().id(), swap.get("version"));
            assertEquals("v1", versionOf(w, 1));

            CompletableFuture<Map<String, Object>> refused = audit.next("refuse");
            write(dir.resolve("steps/tag.js"), "export function transform(msg, ctx) {\n  return msg.value. ;\n}\n");
            Map<String, Object> refuse = await(refused, "refusal after a broken script was saved");
            assertTrue(((String) refuse.get("reason")).contains("steps/tag.js:2:"), refuse.toString());
            assertEquals("v1", versionOf(w, 2));
        }
    }

    @Test
    void watch_followsANewSubdirectory() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            w.watch();
            CompletableFuture<Map<String, Object>> swapped = audit.next("swap");
            write(dir.resolve("more/other.js"), tagScript("other"));
            write(chain, "chain: hs\nsteps:\n  - id: other\n    js: more/other.js\n");
            await(swapped, "swap to a chain using a script in a new directory");
            assertEquals("other", versionOf(w, 1));

            CompletableFuture<Map<String, Object>> again = audit.next("swap");
            write(dir.resolve("more/other.js"), tagScript("other-2"));
            await(again, "swap after a script in the new directory changed");
            assertEquals("other-2", versionOf(w, 2));
        }
    }

    @Test
    void status_printsWhatTheRunningWatcherWrote() throws IOException {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            String v0 = w.live().current().id();
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            String v1 = w.reload().version();
            // swapped before watching, so that no debounced reload of the same change races the test
            w.watch();

            Cli c = cli("status", chain.toString());

            assertEquals(0, c.exit(), c.err());
            String json = c.out().substring(0, c.out().indexOf("last audit entries:"));
            JsonNode status = JSON.readTree(json);
            assertEquals("hs", status.get("chain").asText());
            assertEquals(v1, status.get("version").asText());
            assertEquals("none", status.get("mode").asText());
            assertEquals(v1, status.get("history").get(0).asText());
            assertEquals(v0, status.get("history").get(1).asText());
            assertTrue(c.out().contains("\"event\":\"swap\""), c.out());
        }
    }

    @Test
    void status_withoutARunningWatcher_exits1() {
        Path chain = copy("tagged", dir);
        Cli c = cli("status", chain.toString());
        assertEquals(1, c.exit());
        assertTrue(c.err().contains("is it running with --watch?"), c.err());
    }

    @Test
    void rollbackCommand_isAppliedByTheWatchingChain() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            String v0 = w.live().current().id();
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            String v1 = w.reload().version();
            w.watch();
            CompletableFuture<Map<String, Object>> rolledBack = audit.next("rollback");

            Cli c = cli("rollback", chain.toString());

            assertEquals(0, c.exit(), c.err());
            Map<String, Object> e = await(rolledBack, "rollback after catena rollback");
            assertEquals(v0, e.get("version"));
            assertEquals(v1, e.get("previous"));
            assertEquals("ok", e.get("result"));
            assertEquals(v0, w.live().current().id());
            assertEquals("v0", versionOf(w, 1));
            assertFalse(Files.exists(stateDir(chain).resolve("control.json")), "the command is consumed");

            CompletableFuture<Map<String, Object>> toNamed = audit.next("rollback");
            assertEquals(0, cli("rollback", chain.toString(), "--to", v1).exit());
            assertEquals(v1, await(toNamed, "rollback --to").get("version"));
            assertEquals("v1", versionOf(w, 2));
        }
    }

    @Test
    void promoteCommand_isAppliedByTheWatchingChain() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            write(chain, SwapHarness.read(chain) + "rollout:\n  canary: {percent: 10}\n");
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            String v1 = w.reload().version();
            w.watch();
            CompletableFuture<Map<String, Object>> promoted = audit.next("promote");

            assertEquals(0, cli("promote", chain.toString()).exit());

            assertEquals(v1, await(promoted, "promotion after catena promote").get("version"));
            assertEquals("v1", versionOf(w, 1));
        }
    }
}
