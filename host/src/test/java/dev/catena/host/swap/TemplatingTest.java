package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.HISTORY;
import static dev.catena.host.swap.SwapHarness.OPTIONS;
import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.read;
import static dev.catena.host.swap.SwapHarness.record;
import static dev.catena.host.swap.SwapHarness.value;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.HostOptions;
import dev.catena.host.exec.Template;
import dev.catena.host.spec.ChainLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${env:NAME}}, {@code ${param}}, {@code ${x:-default}}, {@code $${literal}} and the profile overlay, through the watcher. */
class TemplatingTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of("REGION", "eu-west"));

    private HostOptions options(Map<String, String> params, String profile) {
        return OPTIONS.withTemplate(new Template(params, env::get, profile));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(ChainWatcher w) {
        return (Map<String, Object>) value(w.live().apply(record(1), null)).get("params");
    }

    @Test
    void references_areResolved_fromEnvParamsDefaults_andDoubleDollarIsLiteral() {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops"), null), null, HISTORY)) {
            assertEquals(Map.of("region", "eu-west", "owner", "ops", "tier", "bronze", "raw", "${literal}", "color", "blue"), params(w));
        }
    }

    @Test
    void aParamValue_overridesTheDefault() {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops", "tier", "silver"), null), null, HISTORY)) {
            assertEquals("silver", params(w).get("tier"));
        }
    }

    @Test
    void environment_isReadAgainOnReload() {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops"), null), null, HISTORY)) {
            env.put("REGION", "us-east");
            // the environment is not a file: nothing changed on disk, so nothing reloads
            assertEquals("unchanged", w.reload().outcome());
            write(chain, read(chain) + "# touched\n");
            assertEquals("swapped", w.reload().outcome());
            assertEquals("us-east", params(w).get("region"));
        }
    }

    @Test
    void unsetEnvironmentVariable_withoutDefault_isAProblemAtItsLineAndColumn() {
        Path chain = copy("templated", dir);
        env.remove("REGION");
        ChainLoadException e = assertThrows(ChainLoadException.class, () -> open(chain, options(Map.of("owner", "ops"), null), null, HISTORY));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertEquals(7, e.problems().get(0).line());
        assertEquals(16, e.problems().get(0).column());
        assertTrue(e.problems().get(0).message().contains("environment variable REGION is not set"), e.getMessage());
    }

    @Test
    void profileOverlay_mergesStepParamsById_andAppendsNewSteps() {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops"), "prod"), null, HISTORY)) {
            Map<String, Object> v = value(w.live().apply(record(1), null));
            assertEquals(Map.of("region", "eu-west", "owner", "ops", "tier", "gold", "raw", "${literal}", "color", "blue"), v.get("params"));
            assertEquals("prod", v.get("profile"), "the overlay's new step runs after the base's");
            assertTrue(w.live().current().fileHashes().keySet().stream().anyMatch(p -> p.endsWith("chain.prod.yaml")),
                    "the overlay is part of the version");
        }
    }

    @Test
    void overlayChange_isASwap() {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops"), "prod"), null, HISTORY)) {
            Path overlay = dir.resolve("chain.prod.yaml");
            write(overlay, read(overlay).replace("tier: gold", "tier: platinum"));
            assertEquals("swapped", w.reload().outcome());
            assertEquals("platinum", params(w).get("tier"));
        }
    }

    @Test
    void withoutProfile_theOverlayIsNotRead() {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops"), null), null, HISTORY)) {
            assertFalse(value(w.live().apply(record(1), null)).containsKey("profile"));
            assertFalse(w.live().current().fileHashes().keySet().stream().anyMatch(p -> p.endsWith("chain.prod.yaml")));
        }
    }

    /** A rollback reloads the version as it ran: with its overlay, even when the overlay was deleted on disk since. */
    @Test
    void rollback_toAVersionWithAnOverlay_afterTheOverlayWasDeleted_keepsTheOverlay() throws Exception {
        Path chain = copy("templated", dir);
        try (ChainWatcher w = open(chain, options(Map.of("owner", "ops"), "prod"), null, HISTORY)) {
            String withOverlay = w.live().current().id();
            Files.delete(dir.resolve("chain.prod.yaml"));
            assertEquals("swapped", w.reload().outcome());
            assertEquals("bronze", params(w).get("tier"));

            ChainWatcher.Result r = w.rollback(withOverlay);

            assertEquals("rolled-back", r.outcome(), r::toString);
            assertEquals(withOverlay, r.version(), "the version rolled back to is the one that ran");
            assertEquals("gold", params(w).get("tier"));
        }
    }
}
