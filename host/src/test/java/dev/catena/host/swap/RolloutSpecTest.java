package dev.catena.host.swap;

import static dev.catena.host.swap.SwapHarness.copy;
import static dev.catena.host.swap.SwapHarness.open;
import static dev.catena.host.swap.SwapHarness.read;
import static dev.catena.host.swap.SwapHarness.tagScript;
import static dev.catena.host.swap.SwapHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rollout:} is configuration: a value that cannot mean what was written is refused, naming
 * the key, rather than silently replaced by a default (a misspelt {@code error-rate} would turn
 * the automatic rollback off).
 */
class RolloutSpecTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "canary: {percent: 150}                               | percent",
        "canary: {percent: 10, precent: 20}                   | precent",
        "canary: {percent: 10}\\n  shadow: true               | canary or a shadow",
        "canary: {percent: 10}\\n  promote_after: 100         | promote_after",
        "canary: {percent: 10}\\n  promote-after: '100'       | promote-after",
        "canary: {percent: 10}\\n  rollback: {error_rate: 0.05} | error_rate",
        "canary: {percent: 10}\\n  rollback: {error-rate: 5}  | error-rate",
        "canary: {percent: 10}\\n  rollback: {min-records: -1} | min-records",
        "shadow: yes please                                   | shadow",
    })
    void badRollout_isRefused_namingTheKey(String rollout, String key) {
        Path chain = copy("tagged", dir);
        try (ChainWatcher w = open(chain)) {
            write(chain, read(chain) + "rollout:\n  " + rollout.replace("\\n", "\n") + "\n");
            write(dir.resolve("steps/tag.js"), tagScript("v1"));

            ChainWatcher.Result r = w.reload();

            assertEquals("refused", r.outcome(), () -> r + " for rollout: " + rollout);
            assertTrue(r.reason().contains("chain.yaml:") && r.reason().contains(key), r.reason());
        }
    }
}
