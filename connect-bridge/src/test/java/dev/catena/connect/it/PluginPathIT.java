package dev.catena.connect.it;

import static dev.catena.connect.it.TestClusters.envelope;
import static dev.catena.connect.it.TestClusters.jsonLines;
import static dev.catena.connect.it.TestClusters.pathProperty;
import static dev.catena.connect.it.TestClusters.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged plugin (target/plugin/catena, built in {@code package}) in a worker that finds it
 * through {@code plugin.path} with {@code plugin.discovery=service_load}, as a production worker
 * would. Failsafe runs this class in JVMs whose class path holds neither this module's classes
 * nor Catena's or GraalVM's jars (see the module pom), so the worker can load the transform only
 * from the plugin directory, in Connect's isolated plugin class loader. It runs twice, as the
 * module README's install section describes (system property {@code catena.plugin.mode}):
 * <ul>
 *   <li>{@code interpreted}: a JVM without GraalVM's compiler, and the plugin zip unzipped into
 *       the plugin.path directory (the jars under {@code catena-connect-<version>/lib/});</li>
 *   <li>{@code jit}: a JVM with the compiler jars on {@code --upgrade-module-path}, and the plugin
 *       directory without {@code truffle-compiler-*.jar}, which must then come from the module
 *       path only (a second copy in the plugin's class loader breaks Truffle's runtime).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginPathIT {
    private static final String TRANSFORM = "dev.catena.connect.ChainTransform";
    private static final String PREDICATE_SERVICE = "META-INF/services/org.apache.kafka.connect.transforms.predicates.Predicate";
    private static final String TRUFFLE_COMPILER_JAR = "truffle-compiler-";

    private final Path builtPluginPath = pathProperty("catena.plugin.path");
    private final Path samples = pathProperty("catena.samples.dir");
    private final boolean jit = "jit".equals(System.getProperty("catena.plugin.mode"));
    /** Held so the handler stays attached: java.util.logging keeps loggers weakly. */
    private final Logger engines = Logger.getLogger("dev.catena.sandbox.Engines");
    private final List<String> engineWarnings = new CopyOnWriteArrayList<>();
    private Path pluginPath;
    private EmbeddedConnectCluster connect;

    @BeforeAll
    void startCluster() throws IOException {
        // The plugin's class loader logs through the same (global) java.util.logging loggers.
        engines.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                engineWarnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        pluginPath = jit ? withoutTruffleCompiler(builtPluginPath) : unzipped(pathProperty("catena.plugin.zip"));
        connect = TestClusters.start("catena-plugin-path-it", 1, Map.of(
                "plugin.path", pluginPath.toString(),
                "plugin.discovery", "service_load"));
    }

    /**
     * The plugin as the README's JIT install makes it: every jar of the built plugin directory but
     * truffle-compiler, hard-linked into {@code <built>-jit/catena}.
     */
    private static Path withoutTruffleCompiler(Path built) throws IOException {
        Path root = emptyDirectory(built.resolveSibling(built.getFileName() + "-jit"));
        Path plugin = Files.createDirectories(root.resolve("catena"));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(built.resolve("catena"), "*.jar")) {
            for (Path jar : jars) {
                if (!jar.getFileName().toString().startsWith(TRUFFLE_COMPILER_JAR)) {
                    Files.createLink(plugin.resolve(jar.getFileName()), jar);
                }
            }
        }
        return root;
    }

    /** A plugin.path directory with the zip unzipped into it, as the README's install says. */
    private static Path unzipped(Path zip) throws IOException {
        Path root = emptyDirectory(zip.resolveSibling("plugin-zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                Path to = root.resolve(e.getName()).normalize();
                if (!to.startsWith(root)) {
                    throw new IOException("zip entry outside the directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
        return root;
    }

    private static Path emptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    @AfterAll
    void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TRANSFORM, "dev.catena.host.Chain", "org.graalvm.polyglot.Engine",
            "com.github.benmanes.caffeine.cache.Caffeine"})
    void testClassPath_lacksWhatThePluginBrings(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className, false, getClass().getClassLoader()),
                className + " is on the test class path: the worker could load it from there instead of plugin.path");
    }

    @Test
    void worker_listsCatenaPlugins_fromPluginPath_withTheProjectVersion() throws IOException {
        String version = System.getProperty("catena.version");
        List<String> expected = new ArrayList<>(List.of("transformation " + TRANSFORM + " " + version));
        for (String predicate : declaredPredicates()) {
            expected.add("predicate " + predicate + " " + version);
        }

        JsonNode plugins;
        try (Response response = connect.requestGet(connect.endpointForResource("connector-plugins?connectorsOnly=false"))) {
            assertEquals(200, response.getStatus());
            plugins = TestClusters.parse((String) response.getEntity());
        }
        List<String> catena = new ArrayList<>();
        for (JsonNode p : plugins) {
            if (p.path("class").asText().startsWith("dev.catena.")) {
                catena.add(p.path("type").asText() + " " + p.path("class").asText() + " " + p.path("version").asText());
            }
        }
        assertEquals(expected, catena, "Catena plugins the worker lists");
    }

    /**
     * samples/connect/chain.yaml (which calls samples/orders/chain.yaml, with a library step) over
     * samples/orders/input.jsonl gives in Kafka exactly what the catena CLI gives for the orders
     * sample; the scripts ran compiled in the jit JVM and interpreted in the other.
     */
    @Test
    void ordersSample_throughThePackagedPlugin_givesWhatTheCliGives() throws Exception {
        connect.kafka().createTopic("orders", 1);
        connect.configureConnector("orders-sample", Map.of(
                "connector.class", FileStreamSourceConnector.class.getName(),
                "tasks.max", "1",
                "file", samples.resolve("orders/input.jsonl").toString(),
                "topic", "orders",
                "key.converter", StringConverter.class.getName(),
                "value.converter", StringConverter.class.getName(),
                "transforms", "catena",
                "transforms.catena.type", TRANSFORM,
                "transforms.catena.chain.file", samples.resolve("connect/chain.yaml").toString()));

        List<JsonNode> expected = jsonLines(samples.resolve("orders/expected.jsonl"));
        List<JsonNode> actual = records(connect, "orders", expected.size()).stream()
                .map(r -> (JsonNode) envelope(r, true))
                .toList();
        assertEquals(expected, actual);

        List<String> interpreted = engineWarnings.stream().filter(m -> m.contains("interpreter-only")).toList();
        // Engine.getImplementationName() inside the worker, read through the transform's JMX bean
        javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName bean = jmx.queryNames(new javax.management.ObjectName(
                "dev.catena:type=chain-metrics,connector=orders-sample,*"), null).stream()
                .filter(n -> n.getKeyProperty("step") == null).findFirst().orElseThrow();
        String engine = (String) jmx.getAttribute(bean, "script-engine");
        if (jit) {
            assertEquals(List.of(), interpreted, "GraalVM's compiler was on the worker's module path");
            assertFalse(engine.contains("Interpreted"), engine);
        } else {
            assertEquals(1, interpreted.size(), "the sandbox warns once that scripts run interpreted: " + engineWarnings);
            assertEquals("Interpreted", engine);
        }
    }

    /** Predicates the plugin's jar declares as services (another change adds ChainPredicate). */
    private List<String> declaredPredicates() throws IOException {
        Path jar;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(builtPluginPath.resolve("catena"), "catena-connect-bridge-*.jar")) {
            jar = jars.iterator().next();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry services = zip.getEntry(PREDICATE_SERVICE);
            if (services == null) {
                return List.of();
            }
            try (InputStream in = zip.getInputStream(services)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(l -> l.replaceAll("#.*", "").strip())
                        .filter(l -> !l.isEmpty())
                        .toList();
            }
        }
    }

    @Test
    void pluginDirectory_holdsNoConnectApiOrKafkaClients() throws IOException {
        List<String> leaked = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(builtPluginPath.resolve("catena"), "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (name.startsWith("connect-") || name.startsWith("kafka-") || name.startsWith("slf4j-")) {
                    leaked.add(name);
                }
            }
        }
        assertTrue(leaked.isEmpty(), "jars the worker provides must not be in the plugin: " + leaked);
    }
}
