package dev.catena.connect.it;

import static dev.catena.connect.it.TestClusters.RECORDS_TIMEOUT;
import static dev.catena.connect.it.TestClusters.resource;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.connect.ChainTransform;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code watch=true} in a real Connect worker: a source connector produces a steady stream of
 * records through {@link ChainTransform} while the test saves new versions of the chain's script
 * ({@code src/test/resources/it/hotswap}, copied to a temporary directory). The script writes its
 * version into every record; {@link VersionedArrivals} reads them back from the topic and
 * {@link VersionProbe}, the SMT after the chain, notes when each version first processed a record.
 *
 * <p>Saves are atomic, as editors that save safely do (write {@code tag.js.tmp}, rename it over
 * {@code tag.js}): the watcher ignores {@code *.tmp} files, so it never reads a half-written script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotSwapConnectIT {
    /** Swaps per latency measurement: {@code -Dcatena.swaps=100} for figures, 10 to keep the build short. */
    private static final int SWAPS = Integer.getInteger("catena.swaps", 10);
    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);
    /** Records after a change before the test looks at what arrived. */
    private static final int SETTLE = 50;

    private EmbeddedConnectCluster connect;

    @TempDir
    Path tmp;

    @BeforeAll
    void startCluster() {
        // -Dit.test=HotSwapConnectIT also reaches the plugin-path executions, whose class path has no Catena
        assumeTrue(System.getProperty("catena.plugin.mode") == null, "runs in the class-path execution only");
        connect = TestClusters.start("catena-hotswap-it", 1, Map.of());
    }

    @AfterAll
    void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    @Test
    void runningConnector_switchesToASavedScriptBetweenTwoRecords_andKeepsItWhenTheNextSaveDoesNotCompile(
            TestInfo info, TestReporter reporter) throws Exception {
        Watched w = start("hotswap", 20);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(w.topic())) {
            VersionedArrivals arrivals = new VersionedArrivals(consumer, 0);
            waitFor(arrivals, "records of version 1", () -> arrivals.count(1) >= SETTLE);

            long lastBeforeSave = arrivals.maxSeq();
            save(w.script(), tagScript(2));
            waitFor(arrivals, "a record of version 2", () -> arrivals.firstArrival(2) != null);
            long cut = arrivals.firstSeqOf(2);
            waitFor(arrivals, SETTLE + " records after the swap", () -> arrivals.maxSeq() >= cut + SETTLE);

            save(w.script(), Files.readString(resource("hotswap/steps/broken.js")));
            Path audit = await("a refuse entry in the audit log under " + w.state()).atMost(SWAP_TIMEOUT)
                    .until(() -> refused(w.state()), a -> a != null);
            arrivals.poll();
            long atRefusal = arrivals.maxSeq();
            waitFor(arrivals, SETTLE + " records after the refusal", () -> arrivals.maxSeq() >= atRefusal + SETTLE);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(w.connector(), 1,
                    "the connector stopped running after the broken save");
            stop(w);

            String report = arrivals.total() + " records for sequence 0.." + arrivals.maxSeq() + "; version 1 up to "
                    + (cut - 1) + ", version 2 from " + cut + " (last record before the save: " + lastBeforeSave
                    + "; last when the refusal was audited: " + atRefusal + "); duplicates (Connect's at-least-once): "
                    + arrivals.duplicates();
            reporter.publishEntry("hot-swap", report);
            System.out.println(info.getDisplayName() + ": " + report);

            assertEquals(List.of(), arrivals.unreadable(), "records without an id and a version");
            assertEquals(List.of(), arrivals.missing(), "records lost");
            assertEquals(Set.of(1L, 2L), arrivals.versionsSeen(), "versions on the topic (3 is the broken one)");
            assertTrue(cut > lastBeforeSave, "version 2 on a record that was on the topic before the save: " + report);
            // one cut: every record (every copy of a duplicate too) before it is version 1, every one after it version 2
            assertEquals(List.of(), arrivals.notCutAt(cut, 1, 2), "records on the wrong side of the swap");

            List<JsonNode> entries = entries(audit);
            assertEquals(List.of("load", "swap", "refuse"), entries.stream().map(e -> e.path("event").asText()).toList(),
                    "audit log " + audit);
            String reason = entries.get(2).path("reason").asText();
            assertTrue(reason.contains(w.script() + ":6:"), "the refusal names the script and line 6: " + reason);
            assertTrue(reason.contains("syntax error"), reason);
            assertEquals(entries.get(1).path("version").asText(), entries.get(2).path("previous").asText(),
                    "the version that kept serving");
        }
    }

    /*
     * From the save to the first record the new version processed: at the transform (the probe SMT
     * right after the chain) and on the topic (the consumer's poll). Reported, not asserted.
     */
    @ParameterizedTest(name = "watch.debounce.ms={0}")
    @ValueSource(longs = {150, 10})
    void swapLatency_fromASaveToTheFirstRecordOfTheNewVersion_isReported(long debounceMs, TestReporter reporter)
            throws Exception {
        Watched w = start("latency-" + debounceMs, debounceMs);
        String atTransform = "save → first record processed by the new version (transform)";
        String onTopic = "save → first record of the new version on the topic (consumer)";
        String toSwap = "save → swap in the audit log (ms clock)";
        String rename = "the save itself (rename of tag.js.tmp over tag.js)";
        LatencyTable table = new LatencyTable("Hot-swap latency in Kafka Connect, watch.debounce.ms=" + debounceMs + ", "
                + SWAPS + " swaps, one record every ~2 ms", atTransform, onTopic, toSwap, rename);
        long[] savedAtMillis = new long[SWAPS];
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(w.topic())) {
            VersionedArrivals arrivals = new VersionedArrivals(consumer, 0);
            waitFor(arrivals, "records of version 1", () -> arrivals.count(1) >= SETTLE);
            for (int i = 0; i < SWAPS; i++) {
                long version = i + 2;
                Save saved = save(w.script(), tagScript(version));
                savedAtMillis[i] = saved.millis();
                waitFor(arrivals, "version " + version + " at the transform and on the topic",
                        () -> arrivals.firstArrival(version) != null && VersionProbe.firstSeen(w.connector(), version) != null);
                table.add(atTransform, VersionProbe.firstSeen(w.connector(), version) - saved.before());
                table.add(onTopic, arrivals.firstArrival(version) - saved.before());
                table.add(rename, saved.after() - saved.before());
            }
            stop(w);
            assertEquals(List.of(), arrivals.unreadable(), "records without an id and a version");
            assertEquals(List.of(), arrivals.missing(), "records lost");
            assertEquals(List.of(), arrivals.versionGoingBack(), "records of an older version after a newer one");
        }
        List<Long> swappedAt = swapTimes(w.state());
        for (int i = 0; i < SWAPS; i++) {
            table.add(toSwap, (swappedAt.get(i) - savedAtMillis[i]) * 1_000_000);
        }
        String rendered = table.render() + machine();
        reporter.publishEntry("latency, debounce " + debounceMs + " ms", rendered);
        System.out.println(rendered);
    }

    /** The times of the swaps in the audit log (epoch ms), after checking that every save was swapped in and none refused. */
    private static List<Long> swapTimes(Path state) throws IOException {
        List<JsonNode> changes = entries(auditFile(state)).stream().filter(e -> !e.path("event").asText().equals("load")).toList();
        assertEquals(List.of((long) SWAPS, 0L), List.of(changes.stream().filter(e -> e.path("event").asText().equals("swap")).count(),
                changes.stream().filter(e -> !e.path("event").asText().equals("swap")).count()),
                "one swap per save and nothing else: " + changes);
        return changes.stream().map(e -> Instant.parse(e.path("time").asText()).toEpochMilli()).toList();
    }

    /** Where the figures were taken: cores, load, whether scripts were compiled. */
    private static String machine() {
        return String.format(Locale.ROOT, "%d cores, system load average %.1f, %s %s, GraalVM JIT %s%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Boolean.getBoolean("catena.expect.jit") ? "on" : "off (interpreted)");
    }

    /** A connector running the chain copied to a new directory, with its own topic and state directory. */
    private record Watched(String connector, String topic, Path script, Path state) {
    }

    private Watched start(String name, long debounceMs) throws IOException, InterruptedException {
        Path chainDir = Files.createDirectories(tmp.resolve(name).resolve("chain").resolve("steps")).getParent();
        Files.copy(resource("hotswap/chain.yaml"), chainDir.resolve("chain.yaml"));
        Path script = chainDir.resolve("steps/tag.js");
        Files.writeString(script, tagScript(1));
        Path state = tmp.resolve(name).resolve("state");
        String topic = name + "-out";
        connect.kafka().createTopic(topic, 1);
        connect.configureConnector(name, Map.ofEntries(
                Map.entry("connector.class", SequenceSourceConnector.class.getName()),
                Map.entry("tasks.max", "1"),
                Map.entry(SequenceSourceConnector.TOPIC, topic),
                Map.entry(SequenceSourceConnector.RECORDS_PER_TASK, "100000000"),
                Map.entry(SequenceSourceConnector.BATCH_SIZE, "1"),
                Map.entry(SequenceSourceConnector.BATCH_INTERVAL_MS, "2"),
                Map.entry("key.converter", StringConverter.class.getName()),
                Map.entry("value.converter", JsonConverter.class.getName()),
                Map.entry("value.converter.schemas.enable", "false"),
                Map.entry("transforms", "catena,probe"),
                Map.entry("transforms.catena.type", ChainTransform.class.getName()),
                Map.entry("transforms.catena.chain.file", chainDir.resolve("chain.yaml").toString()),
                Map.entry("transforms.catena.watch", "true"),
                Map.entry("transforms.catena.watch.debounce.ms", Long.toString(debounceMs)),
                Map.entry("transforms.catena.watch.state.dir", state.toString()),
                Map.entry("transforms.probe.type", VersionProbe.class.getName()),
                Map.entry("transforms.probe." + VersionProbe.PROBE_ID, name)));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "connector " + name + " did not start");
        return new Watched(name, topic, script, state);
    }

    /** Stops the connector's task (closing its transform and watcher) before the test's directory goes, then deletes it. */
    private void stop(Watched w) throws InterruptedException {
        connect.stopConnector(w.connector());
        connect.assertions().assertConnectorIsStopped(w.connector(), "connector " + w.connector() + " did not stop");
        connect.deleteConnector(w.connector());
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        return connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), topic);
    }

    /** Polls the topic until {@code condition} holds; polling every millisecond keeps arrival times exact. */
    private static void waitFor(VersionedArrivals arrivals, String what, Callable<Boolean> condition) {
        ConditionFactory wait = await(what).atMost(RECORDS_TIMEOUT.plus(SWAP_TIMEOUT)).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
        wait.until(() -> {
            arrivals.poll();
            return condition.call();
        });
    }

    /** tag.js marking records with {@code version}. */
    private static String tagScript(long version) throws IOException {
        String template = Files.readString(resource("hotswap/steps/tag.js"));
        String script = template.replace("const VERSION = 1;", "const VERSION = " + version + ";");
        assertTrue(version == 1 || !script.equals(template), "tag.js has no line 'const VERSION = 1;'");
        return script;
    }

    /**
     * Saves {@code text} as an editor saving safely does: writes {@code <file>.tmp}, then renames it
     * over {@code file}. The save is the rename.
     */
    private static Save save(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        long millis = System.currentTimeMillis();
        long before = System.nanoTime();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Save(before, System.nanoTime(), millis);
    }

    /**
     * When a save happened: {@link System#nanoTime()} just before and just after the rename, and the
     * wall clock just before it. Latencies are measured from {@code before}: on a busy machine the
     * saving thread may be descheduled right after the rename while the watcher already reloads.
     */
    private record Save(long before, long after, long millis) {
    }

    /** The one audit.jsonl under the state directory, or null while there is none. */
    private static Path auditFile(Path state) throws IOException {
        if (!Files.isDirectory(state)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(state)) {
            List<Path> audits = files.filter(f -> f.getFileName().toString().equals("audit.jsonl")).toList();
            assertTrue(audits.size() <= 1, "one transform instance, one audit log: " + audits);
            return audits.isEmpty() ? null : audits.get(0);
        }
    }

    /** The entries of an audit log; a line still being appended is left out. */
    private static List<JsonNode> entries(Path audit) throws IOException {
        assertNotNull(audit);
        String text = Files.readString(audit);
        return text.substring(0, text.lastIndexOf('\n') + 1).lines().map(TestClusters::parse).toList();
    }

    /** The audit log under {@code state} once it has a refuse entry, else null. */
    private static Path refused(Path state) throws IOException {
        Path audit = auditFile(state);
        return audit != null && entries(audit).stream().anyMatch(e -> e.path("event").asText().equals("refuse")) ? audit : null;
    }
}
