import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * samples/orders inside Kafka Connect, in one JVM: a KRaft broker and a distributed Connect worker
 * (Kafka's EmbeddedConnectCluster), Catena installed from a plugin.path directory, a
 * FileStreamSource over the input lines whose records go through a chain, and the topic printed.
 *
 * <pre>java -cp WORKER_CLASSPATH ConnectDemo.java PLUGIN_PATH CHAIN_FILE INPUT_FILE</pre>
 *
 * Records go to stdout as JSON lines in the catena CLI's envelope format (key, value, headers,
 * topic, timestamp), so they can be compared with what {@code catena run} prints; progress goes
 * to stderr. Run by samples/connect/run, which builds the plugin and the class path.
 */
public final class ConnectDemo {
    private static final String CONNECTOR = "orders-file-source";
    private static final String TOPIC = "orders";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ConnectDemo PLUGIN_PATH CHAIN_FILE INPUT_FILE");
            System.exit(2);
        }
        Path pluginPath = Path.of(args[0]).toAbsolutePath();
        Path chain = Path.of(args[1]).toAbsolutePath();
        Path input = Path.of(args[2]).toAbsolutePath();
        // Records go to stdout; Kafka prints there too (the broker's storage formatting at start-up:
        // dropped), so it gets stderr instead.
        PrintStream records = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        EmbeddedConnectCluster connect = start(pluginPath);
        System.setOut(System.err);
        int status;
        try {
            status = run(connect, chain, input, records);
        } finally {
            log("stopping the worker and the broker");
            connect.stop();
        }
        // Kafka's client and server threads do not all end with stop(): leave no JVM behind.
        System.exit(status);
    }

    private static EmbeddedConnectCluster start(Path pluginPath) {
        log("starting a Kafka broker and a Connect worker (plugin.path=" + pluginPath + ")");
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.path", pluginPath.toString());
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "500");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("catena-demo")
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(worker)
                .build();
        connect.start();
        return connect;
    }

    private static int run(EmbeddedConnectCluster connect, Path chain, Path input, PrintStream out) throws Exception {
        long lines = Files.readAllLines(input).size();
        connect.kafka().createTopic(TOPIC, 1);
        log("FileStreamSource " + input + " -> ChainTransform " + chain + " -> topic " + TOPIC);
        connect.configureConnector(CONNECTOR, Map.of(
                "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                "tasks.max", "1",
                "file", input.toString(),
                "topic", TOPIC,
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "transforms", "catena",
                "transforms.catena.type", "dev.catena.connect.ChainTransform",
                "transforms.catena.chain.file", chain.toString()));

        // Done when the task has polled every line and none is still on its way: each went through
        // the chain and what it emitted is in the topic (Connect's source-task metrics, over JMX).
        await("the source to read " + input).atMost(TIMEOUT).ignoreExceptions()
                .until(() -> failed(connect) != null || taskMetric("source-record-poll-total") >= lines
                        && taskMetric("source-record-active-count") == 0);
        String failure = failed(connect);
        if (failure != null) {
            log("the connector failed:\n" + failure);
            return 1;
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        connect.kafka().consumeAll(TIMEOUT.toMillis(), TOPIC).forEach(records::add);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.println(JSON.writeValueAsString(envelope(r)));
        }
        out.flush();
        log("chain in Kafka Connect: " + lines + " lines in, " + records.size() + " records out, "
                + (lines - records.size()) + " dropped");
        return 0;
    }

    /** A metric of the connector's task 0 (kafka.connect:type=source-task-metrics); fails while there is none. */
    private static double taskMetric(String name) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(
                new ObjectName("kafka.connect:type=source-task-metrics,connector=" + CONNECTOR + ",task=0"), null);
        if (names.isEmpty()) {
            throw new IllegalStateException("no metrics for task 0 of " + CONNECTOR + " yet");
        }
        return ((Number) server.getAttribute(names.iterator().next(), name)).doubleValue();
    }

    /** The trace of a failed connector or task, or null while none has failed. */
    private static String failed(EmbeddedConnectCluster connect) {
        ConnectorStateInfo status = connect.connectorStatus(CONNECTOR);
        if ("FAILED".equals(status.connector().state())) {
            return status.connector().trace();
        }
        for (ConnectorStateInfo.TaskState task : status.tasks()) {
            if ("FAILED".equals(task.state())) {
                return task.trace();
            }
        }
        return null;
    }

    /** A record as the catena CLI prints one: key, value, headers (when any), topic, timestamp. */
    private static ObjectNode envelope(ConsumerRecord<byte[], byte[]> r) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.put("key", text(r.key()));
        String value = text(r.value());
        JsonNode parsed;
        try {
            parsed = value == null ? null : JSON.readTree(value);
        } catch (IOException notJson) {
            parsed = JSON.getNodeFactory().textNode(value);
        }
        e.set("value", parsed);
        if (r.headers().toArray().length > 0) {
            ObjectNode h = e.putObject("headers");
            for (Header header : r.headers()) {
                h.put(header.key(), text(header.value()));
            }
        }
        e.put("topic", r.topic());
        e.put("timestamp", r.timestamp());
        return e;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void log(String line) {
        System.err.println("connect demo: " + line);
    }
}
