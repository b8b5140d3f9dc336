package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/** The ConfigDef, its validation, and the chains configure() refuses. */
class ChainTransformConfigTest {

    private static ConfigException configureFails(Map<String, String> props) {
        ChainTransform<SinkRecord> t = new ChainTransform<>();
        return assertThrows(ConfigException.class, () -> t.configure(props));
    }

    private static Map<String, String> props(String chainFile, String... settings) {
        Map<String, String> p = new HashMap<>();
        p.put("chain.file", chainFile);
        for (int i = 0; i < settings.length; i += 2) {
            p.put(settings[i], settings[i + 1]);
        }
        return p;
    }

    @Test
    void config_declaresEveryKeyWithItsDefault() {
        ConfigDef def = new ChainTransform<SinkRecord>().config();

        assertEquals(Set.of("chain.file", "chain.inline", "scripts.dir", "pool.size", "time.limit.ms", "statement.limit",
                "tombstones", "on.error", "dlq.topic", "dlq.bootstrap.servers", "metrics.connector", "watch", "watch.debounce.ms",
                "watch.trusted.key", "watch.state.dir"), def.names());
        assertEquals(false, def.configKeys().get("watch").defaultValue);
        assertEquals(150L, def.configKeys().get("watch.debounce.ms").defaultValue);
        assertEquals(null, def.configKeys().get("chain.file").defaultValue);
        assertEquals(null, def.configKeys().get("chain.inline").defaultValue);
        assertEquals("fail", def.configKeys().get("on.error").defaultValue);
        assertEquals(1, def.configKeys().get("pool.size").defaultValue);
        assertEquals(2000L, def.configKeys().get("time.limit.ms").defaultValue);
        assertEquals(10_000_000L, def.configKeys().get("statement.limit").defaultValue);
        assertEquals("pass", def.configKeys().get("tombstones").defaultValue);
    }

    @Test
    void configure_throwsConfigException_whenNeitherChainFileNorChainInlineIsSet() {
        ConfigException e = configureFails(Map.of());

        assertEquals("No chain: set chain.file (a path to a chain file) or chain.inline (the chain's YAML)", e.getMessage());
    }

    @Test
    void configure_throwsConfigException_whenPoolSizeIsBelowOne() {
        ConfigException e = configureFails(props(TestChains.path("enrich.yaml").toString(), "pool.size", "0"));

        assertEquals("Invalid value 0 for configuration pool.size: Value must be at least 1", e.getMessage());
    }

    @Test
    void configure_throwsConfigException_whenTimeLimitIsNotANumber() {
        ConfigException e = configureFails(props(TestChains.path("enrich.yaml").toString(), "time.limit.ms", "2s"));

        assertTrue(e.getMessage().startsWith("Invalid value 2s for configuration time.limit.ms"), e.getMessage());
    }

    @Test
    void configure_throwsConfigException_whenTombstonesIsUnknown() {
        ConfigException e = configureFails(props(TestChains.path("enrich.yaml").toString(), "tombstones", "drop"));

        assertTrue(e.getMessage().startsWith("Invalid value drop for configuration tombstones"), e.getMessage());
    }

    @Test
    void configure_throwsConfigExceptionNamingFile_whenChainFileDoesNotExist() {
        ConfigException e = configureFails(props("/no/such/chain.yaml"));

        assertEquals("Invalid value /no/such/chain.yaml for configuration chain.file: must name a chain that loads;"
                + " 1 problem:\n  /no/such/chain.yaml: chain file not found", e.getMessage());
    }

    @Test
    void configure_throwsConfigExceptionWithScriptLine_whenScriptDoesNotParse() {
        ConfigException e = configureFails(props(TestChains.path("broken.yaml").toString()));

        assertTrue(e.getMessage().startsWith("Invalid value " + TestChains.path("broken.yaml") + " for configuration chain.file"),
                e.getMessage());
        assertTrue(e.getMessage().contains("steps/broken.js:2:20: syntax error"), e.getMessage());
    }

    @Test
    void configure_throwsConfigExceptionWithChainLine_whenScriptFileIsMissing() {
        Path chain = TestChains.path("missing-script.yaml");

        ConfigException e = configureFails(props(chain.toString()));

        assertTrue(e.getMessage().contains("\n  " + chain + ":5:5: step 'gone': script not found: steps/no-such-step.js"),
                e.getMessage());
    }

    @Test
    void configure_refusesChain_whenAStepMaySplitRecords() {
        Path chain = TestChains.path("split.yaml");

        ConfigException e = configureFails(props(chain.toString()));

        assertEquals("Invalid value " + chain + " for configuration chain.file: chain fan-out has steps declared split: true"
                + " (explode); a Single Message Transform returns one record or none — run it with the catena CLI instead",
                e.getMessage());
    }

    @Test
    void version_isTheProjectVersion() {
        String version = new ChainTransform<SinkRecord>().version();

        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }

    @Test
    @SuppressWarnings("rawtypes") // Transformation's type parameter cannot be named in a class literal
    void serviceLoader_findsChainTransform() {
        List<String> found = new ArrayList<>();
        // the test class path also has Kafka's own transforms (connect-transforms declares them too)
        ServiceLoader.load(Transformation.class).stream().map(p -> p.type().getName())
                .filter(n -> n.startsWith("dev.catena.")).forEach(found::add);

        assertEquals(List.of(ChainTransform.class.getName()), found);
    }

    @Test
    void readme_documentsEveryConfigKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        for (ConfigDef.ConfigKey key : ChainTransform.CONFIG_DEF.configKeys().values()) {
            assertTrue(readme.contains("| `" + key.name + "` |"), "README.md has no table row for " + key.name);
        }
    }
}
