package dev.catena.connect.it;

import static dev.catena.connect.it.TestClusters.RECORDS_TIMEOUT;
import static dev.catena.connect.it.TestClusters.headers;
import static dev.catena.connect.it.TestClusters.resource;
import static dev.catena.connect.it.TestClusters.text;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.connect.ChainTransform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;

/**
 * Two distributed workers run a source connector's tasks through a chain; one worker stops while
 * they produce. Connect moves its task to the other worker, which resumes from the committed
 * offsets: every input record arrives, transformed, at least once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerFailoverIT {
    private static final String CONNECTOR = "sequence";
    private static final String TOPIC = "sequence-out";
    private static final int TASKS = 2;
    private static final int RECORDS_PER_TASK = 120;
    private static final int RECORDS = TASKS * RECORDS_PER_TASK;

    private EmbeddedConnectCluster connect;

    @BeforeAll
    void startCluster() {
        // A departed worker's tasks are reassigned after this delay (default 5 minutes, waiting for it to come back).
        connect = TestClusters.start("catena-failover-it", 2, Map.of("scheduled.rebalance.max.delay.ms", "2000"));
    }

    @AfterAll
    void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    @Test
    void sourceTasks_deliverEveryRecordThroughTheChain_whenAWorkerStopsMidStream(TestInfo info, TestReporter reporter)
            throws Exception {
        connect.kafka().createTopic(TOPIC, 2);
        connect.configureConnector(CONNECTOR, Map.ofEntries(
                Map.entry("connector.class", SequenceSourceConnector.class.getName()),
                Map.entry("tasks.max", Integer.toString(TASKS)),
                Map.entry(SequenceSourceConnector.TOPIC, TOPIC),
                Map.entry(SequenceSourceConnector.RECORDS_PER_TASK, Integer.toString(RECORDS_PER_TASK)),
                Map.entry(SequenceSourceConnector.BATCH_SIZE, "2"),
                Map.entry(SequenceSourceConnector.BATCH_INTERVAL_MS, "100"),
                Map.entry("key.converter", StringConverter.class.getName()),
                Map.entry("value.converter", JsonConverter.class.getName()),
                Map.entry("value.converter.schemas.enable", "false"),
                Map.entry("transforms", "catena"),
                Map.entry("transforms.catena.type", ChainTransform.class.getName()),
                Map.entry("transforms.catena.chain.file", resource("chains/sequence.yaml").toString())));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS, "sequence tasks did not start");

        Arrivals arrivals = new Arrivals();
        int seenAtStop;
        String stopped;
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "failover-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), TOPIC)) {
            await("a fifth of the records").atMost(RECORDS_TIMEOUT).pollInSameThread()
                    .until(() -> arrivals.poll(consumer) >= RECORDS / 5);
            seenAtStop = arrivals.distinct();
            WorkerHandle worker = workerRunningTask(0);
            stopped = "the worker running task 0 (" + worker.url().getAuthority() + ")";
            connect.removeWorker(worker);

            await("every record after " + stopped + " stopped").atMost(RECORDS_TIMEOUT).pollInSameThread()
                    .until(() -> arrivals.poll(consumer) >= RECORDS);
        }

        String report = "stopped " + stopped + " after " + seenAtStop + " of " + RECORDS + " records had arrived; "
                + arrivals.total() + " records arrived for " + arrivals.distinct() + " ids, duplicates: " + arrivals.duplicates();
        reporter.publishEntry("failover", report);
        System.out.println(info.getDisplayName() + ": " + report);

        assertTrue(seenAtStop < RECORDS, "the worker stopped only after every record had arrived: " + report);
        TreeSet<String> expected = new TreeSet<>();
        for (int task = 0; task < TASKS; task++) {
            for (long seq = 0; seq < RECORDS_PER_TASK; seq++) {
                expected.add(SequenceSourceTask.id(task, seq));
            }
        }
        assertEquals(expected, arrivals.ids(), "ids that arrived");
        assertEquals(List.of(), arrivals.untransformed(), "records the chain did not price and score");
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS,
                "the tasks are not all running on the remaining worker");
    }

    private WorkerHandle workerRunningTask(int task) {
        ConnectorStateInfo status = connect.connectorStatus(CONNECTOR);
        String workerId = status.tasks().stream().filter(t -> t.id() == task).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + task + " in " + status))
                .workerId();
        return connect.workers().stream()
                .filter(w -> workerId.equals(w.url().getHost() + ":" + w.url().getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + task + " runs on " + workerId + ", not among " + connect.workers()));
    }

    /** What the consumer has seen: how often each id arrived, and records the chain did not transform. */
    private static final class Arrivals {
        private final TreeMap<String, Integer> counts = new TreeMap<>();
        private final List<String> untransformed = new ArrayList<>();
        private int total;

        /** Polls once; returns the number of distinct ids seen so far. */
        int poll(KafkaConsumer<byte[], byte[]> consumer) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                total++;
                JsonNode order = TestClusters.parse(text(r.value()));
                String id = order.path("id").asText();
                counts.merge(id, 1, Integer::sum);
                Map<String, String> headers = headers(r);
                double net = order.path("qty").asLong() * 10.5;
                boolean transformed = id.equals(text(r.key()))
                        && Math.abs(order.path("net").asDouble() - net) < 0.001
                        && "low".equals(order.path("risk").asText())
                        && "total".equals(headers.get("priced-by"))
                        && "low".equals(headers.get("risk"));
                if (!transformed) {
                    untransformed.add(text(r.key()) + " " + order + " " + headers);
                }
            }
            return counts.size();
        }

        int distinct() {
            return counts.size();
        }

        int total() {
            return total;
        }

        TreeSet<String> ids() {
            return new TreeSet<>(counts.keySet());
        }

        Map<String, Integer> duplicates() {
            Map<String, Integer> d = new TreeMap<>();
            counts.forEach((id, n) -> {
                if (n > 1) {
                    d.put(id, n);
                }
            });
            return d;
        }

        List<String> untransformed() {
            return untransformed;
        }
    }
}
