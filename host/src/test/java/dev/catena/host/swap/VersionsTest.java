package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.OPTIONS;
import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.read;
import static dev.catena.host.swap.SwapHarness.record;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.value;
import static dev.catena.host.swap.SwapHarness.versionOf;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.swap.SwapHarness.AuditEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version ids are content hashes; a bounded history; rollback to the previous or a named version. */
class VersionsTest {
    @TempDir
    Path dir;

    @Test
    void versionId_isContentHash_sameFilesGiveSameId_andReloadWithoutChangeIsUnchanged() {
        Path chain = copy("tagged", dir);
        Path script = dir.resolve("steps/tag.js");
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            String v0 = w.live().current().id();
            assertTrue(v0.matches("[0-9a-f]{12}"), v0);

            ChainWatcher.Result same = w.reload();
            assertEquals("unchanged", same.outcome());
            assertEquals(v0, same.version());
            assertTrue(audit.all().isEmpty(), "an unchanged reload is not audited: " + audit.all());

            String original = read(script);
            write(script, tagScript("v1"));
            ChainWatcher.Result r1 = w.reload();
            assertEquals("swapped", r1.outcome());
            assertNotEquals(v0, r1.version());

            write(script, original);
            ChainWatcher.Result back = w.reload();
            assertEquals("swapped", back.outcome());
            assertEquals(v0, back.version(), "the same files again are the same version");
            assertEquals("v0", versionOf(w, 1));

            // the id covers every file: a change to the chain file alone is a new version too
            write(chain, read(chain) + "# a comment\n");
            assertNotEquals(v0, w.reload().version());
        }
    }

    @Test
    void history_isBoundedByOptions_newestFirst() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain, OPTIONS, null, 3)) {
            List<String> ids = new ArrayList<>(List.of(w.live().current().id()));
            for (int n = 1; n <= 5; n++) {
                write(dir.resolve("steps/tag.js"), tagScript("v" + n));
                ids.add(w.reload().version());
            }
            assertEquals(List.of(ids.get(5), ids.get(4), ids.get(3)), w.live().history());
            assertEquals(w.live().history(), w.live().status().get("history"));

            ChainWatcher.Result tooOld = w.rollback(ids.get(1));
            assertEquals("refused", tooOld.outcome(), "a version that fell out of the history");
            assertEquals("v5", versionOf(w, 1));
        }
    }

    @Test
    void rollback_toPrevious_toNamed_andToUnknownIsRefused() {
        Path chain = copy("tagged", dir);
        Path script = dir.resolve("steps/tag.js");
        try (ChainWatcher w = open(chain)) {
            AuditEvents audit = new AuditEvents(w);
            String v0 = w.live().current().id();
            write(script, tagScript("v1"));
            String v1 = w.reload().version();
            write(script, tagScript("v2"));
            String v2 = w.reload().version();
            // what is on disk now no longer matters: a rollback reloads the files the version ran
            write(script, "export function transform(msg, ctx) {\n  return msg.value. ;\n}\n");

            ChainWatcher.Result r = w.rollback(null);
            assertEquals("rolled-back", r.outcome(), r::toString);
            assertEquals(v1, r.version());
            assertEquals(v1, w.live().current().id());
            assertEquals("v1", versionOf(w, 1));
            Map<String, Object> e = audit.of("rollback").get(0);
            assertEquals(v1, e.get("version"));
            assertEquals(v2, e.get("previous"));
            assertEquals("ok", e.get("result"));

            ChainWatcher.Result named = w.rollback(v0);
            assertEquals("rolled-back", named.outcome(), named::toString);
            assertEquals(v0, w.live().current().id());
            assertEquals("v0", versionOf(w, 2));

            ChainWatcher.Result nope = w.rollback("nope");
            assertEquals("refused", nope.outcome());
            assertEquals(v0, nope.version());
            assertTrue(nope.reason().contains("no version nope"), nope.reason());
            assertEquals("v0", versionOf(w, 3));
            Map<String, Object> refused = audit.of("rollback").get(2);
            assertEquals("refused", refused.get("result"));
            assertEquals("nope", refused.get("version"));
        }
    }

    @Test
    void rollback_withNothingEarlier_isRefused() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            ChainWatcher.Result r = w.rollback(null);
            assertEquals("refused", r.outcome());
            assertEquals("no earlier version", r.reason());
        }
    }

    /** Docs: a rollback "reloads exactly what ran, whatever is on disk now" — including a fixture added since. */
    @Test
    void rollback_reloadsTheVersionAsItRan_evenAfterAFixtureWasAddedOnDisk() {
        Path chain = copy("fixtured", dir);
        try (ChainWatcher w = open(chain)) {
            String v0 = w.live().current().id();
            // v1: 10 off totals of 100 or more, and a fixture for it
            write(dir.resolve("steps/total.js"), "export function transform(msg, ctx) {\n"
                    + "  msg.value.total = msg.value.qty * msg.value.price;\n"
                    + "  if (msg.value.total >= 100) {\n    msg.value.total = msg.value.total - 10;\n  }\n  return msg;\n}\n");
            write(dir.resolve("tests/discount.json"), "{\"input\": {\"value\": {\"qty\": 10, \"price\": 10}},"
                    + " \"expected\": {\"value\": {\"qty\": 10, \"price\": 10, \"total\": 90}}}\n");
            assertEquals("swapped", w.reload().outcome());

            ChainWatcher.Result r = w.rollback(null);

            assertEquals("rolled-back", r.outcome(), r::toString);
            assertEquals(v0, w.live().current().id());
            var m = record(1).withValue(new LinkedHashMap<>(Map.of("qty", 10L, "price", 10L)));
            assertEquals(100L, ((Number) value(w.live().apply(m, null)).get("total")).longValue());
        }
    }

    /** Docs: {@code catena rollback} goes back to the previous version; with a canary staged, that is the one serving, alone. */
    @Test
    void rollbackToPrevious_whileCanaryStaged_dropsTheCanary_notPromotesIt() {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            String v0 = w.live().current().id();
            write(chain, read(chain) + "rollout:\n  canary: {percent: 50}\n");
            write(dir.resolve("steps/tag.js"), tagScript("v1"));
            ChainWatcher.Result staged = w.reload();
            assertEquals("canary", staged.outcome());
            assertEquals(v0, w.live().current().id());

            w.rollback(null);

            assertEquals(v0, w.live().current().id(), "the version that served before the canary serves");
            assertNull(w.live().candidate(), "the canary is gone");
            for (int i = 0; i < 20; i++) {
                assertEquals("v0", versionOf(w, i));
            }
        }
    }
}
