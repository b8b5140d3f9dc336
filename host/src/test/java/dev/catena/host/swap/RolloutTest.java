package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.read;
import static dev.catena.host.swap.SwapHarness.record;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.value;
import static dev.catena.host.swap.SwapHarness.version;
import static dev.catena.host.swap.SwapHarness.versionOf;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.Outcome;
import dev.catena.host.swap.SwapHarness.AuditEvents;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged rollouts: a canary share by key, automatic rollback and promotion, and shadow comparison. */
class RolloutTest {
    private static final int RECORDS = 2000;

    @TempDir
    Path dir;

    /** Opens the tagged chain at v0, then stages v1 (written by {@code script}) under this {@code rollout:}. */
    private ChainWatcher stage(String rollout, String script, String expectedOutcome) {
        Path chain = copy("tagged", dir);
        ChainWatcher w = open(chain);
        write(chain, read(chain) + "rollout:\n" + rollout);
        write(dir.resolve("steps/tag.js"), script);
        ChainWatcher.Result r = w.reload();
        assertEquals(expectedOutcome, r.outcome(), r::toString);
        return w;
    }

    @Test
    void canary_routesAShareOfKeysWithinBinomialBounds_deterministicallyByKey() {
        try (ChainWatcher w = stage("  canary: {percent: 10}\n", tagScript("v1"), "canary")) {
            assertEquals(LiveChain.Mode.CANARY, w.live().mode());
            Map<String, String> firstPass = new HashMap<>();
            int toCanary = 0;
            for (int i = 0; i < RECORDS; i++) {
                String v = version(w.live().apply(record(i, "customer-" + i), null));
                firstPass.put("customer-" + i, v);
                if (v.equals("v1")) {
                    toCanary++;
                }
            }
            // binomial(2000, 0.1): mean 200, sigma 13.4; 3.3 sigma is 44
            double sigma = Math.sqrt(RECORDS * 0.1 * 0.9);
            assertTrue(Math.abs(toCanary - RECORDS * 0.1) <= 3.3 * sigma, toCanary + " of " + RECORDS + " went to the canary");

            for (int i = RECORDS - 1; i >= 0; i--) {
                String key = "customer-" + i;
                assertEquals(firstPass.get(key), version(w.live().apply(record(RECORDS + i, key), null)),
                        "the same key goes the same way: " + key);
            }
            assertEquals((long) toCanary * 2, w.live().status().get("candidateHandled"));
        }
    }

    @Test
    void canary_isRolledBackAutomatically_whenItsErrorRatePassesTheThreshold() {
        String failing = "export function transform(msg, ctx) {\n"
                + "  if (msg.value.id % 10 !== 0) {\n    throw new Error(\"broken\");\n  }\n"
                + "  msg.value.version = \"v1\";\n  return msg;\n}\n";
        try (ChainWatcher w = stage("  canary: {percent: 10}\n  rollback: {error-rate: 0.2, min-records: 20}\n", failing, "canary")) {
            AuditEvents audit = new AuditEvents(w);
            String v0 = w.live().current().id();
            String v1 = w.live().candidate().id();
            int onCanary = 0;
            int i = 0;
            while (w.live().candidate() != null && i < RECORDS) {
                Outcome o = w.live().apply(record(i, "c" + i), null);
                if (o instanceof Outcome.Failed || o instanceof Outcome.Emitted && "v1".equals(version(o))) {
                    onCanary++;
                }
                i++;
            }
            assertNull(w.live().candidate(), "rolled back within " + RECORDS + " records");
            assertEquals(20, onCanary, "judged as soon as min-records were on the canary");
            assertEquals(LiveChain.Mode.NONE, w.live().mode());
            assertEquals(v0, w.live().current().id());
            List<Map<String, Object>> rollbacks = audit.of("rollback");
            assertEquals(1, rollbacks.size(), audit.all()::toString);
            assertEquals(v0, rollbacks.get(0).get("version"));
            assertEquals(v1, rollbacks.get(0).get("previous"));
            assertTrue(((String) rollbacks.get(0).get("reason")).startsWith("automatic"), rollbacks.get(0).toString());
            for (int k = 0; k < 100; k++) {
                assertEquals("v0", version(w.live().apply(record(RECORDS + k, "c" + k), null)), "every key back on the old version");
            }
        }
    }

    @Test
    void canary_isPromoted_afterPromoteAfterRecordsOnIt() {
        try (ChainWatcher w = stage("  canary: {percent: 50}\n  promote-after: 30\n", tagScript("v1"), "canary")) {
            AuditEvents audit = new AuditEvents(w);
            String v0 = w.live().current().id();
            String v1 = w.live().candidate().id();
            int onCanary = 0;
            int i = 0;
            while (w.live().candidate() != null && i < RECORDS) {
                if ("v1".equals(version(w.live().apply(record(i, "c" + i), null)))) {
                    onCanary++;
                }
                i++;
            }
            assertEquals(30, onCanary);
            assertEquals(v1, w.live().current().id());
            assertEquals(LiveChain.Mode.NONE, w.live().mode());
            Map<String, Object> promote = audit.of("promote").get(0);
            assertEquals(v1, promote.get("version"));
            assertEquals(v0, promote.get("previous"));
            assertTrue(((String) promote.get("reason")).startsWith("automatic after 30 records"), promote.toString());
            for (int k = 0; k < 100; k++) {
                assertEquals("v1", version(w.live().apply(record(RECORDS + k, "c" + k), null)));
            }
        }
    }

    @Test
    void canary_isPromotedOnRequest() {
        try (ChainWatcher w = stage("  canary: {percent: 10}\n", tagScript("v1"), "canary")) {
            String v1 = w.live().candidate().id();
            assertTrue(w.live().promote());
            assertEquals(v1, w.live().current().id());
            assertEquals("v1", versionOf(w, 1));
            assertFalse(w.live().promote(), "nothing left to promote");
        }
    }

    @Test
    void shadow_emitsOnlyTheOldOutput_andReportsDifferences() {
        // v1 differs from v0 only for even ids
        String shadow = "export function transform(msg, ctx) {\n  msg.value.version = \"v0\";\n"
                + "  if (msg.value.id % 2 === 0) {\n    msg.value.extra = true;\n  }\n  return msg;\n}\n";
        try (ChainWatcher w = stage("  shadow: true\n", shadow, "shadow")) {
            assertEquals(LiveChain.Mode.SHADOW, w.live().mode());
            for (int i = 0; i < 50; i++) {
                Map<String, Object> v = value(w.live().apply(record(i), null));
                assertEquals(Map.of("id", (long) i, "version", "v0"), Map.copyOf(v), "only the old version's output");
            }
            Map<String, Object> report = w.live().shadowReport();
            assertEquals(50L, report.get("compared"));
            assertEquals(25L, report.get("differ"));
            List<?> samples = assertInstanceOf(List.class, report.get("samples"));
            assertEquals(10, samples.size(), "up to ten samples");
            assertTrue(samples.get(0).toString().startsWith("record 0: current "), samples.get(0).toString());
            assertTrue(samples.get(0).toString().contains("\"extra\":true"), samples.get(0).toString());
            assertEquals(report, w.live().status().get("shadow"));
        }
    }

    /**
     * Shadow runs are comparisons, not records: the chain's counts (what {@code catena run}'s
     * summary prints, in = out + dropped + dead-lettered) count each input once, also after the
     * shadow version is promoted.
     */
    @Test
    void shadowRuns_areNotCountedAsRecords_afterTheShadowIsPromoted() {
        try (ChainWatcher w = stage("  shadow: true\n", tagScript("v1"), "shadow")) {
            for (int i = 0; i < 50; i++) {
                w.live().apply(record(i), null);
            }
            assertEquals(50, w.live().stats().in(), "while shadowing");
            assertTrue(w.live().promote());
            for (int i = 50; i < 60; i++) {
                assertEquals("v1", version(w.live().apply(record(i), null)));
            }
            assertEquals(60, w.live().stats().in(), w.live().stats().toString());
            assertEquals(60, w.live().stats().out(), w.live().stats().toString());
        }
    }
}
