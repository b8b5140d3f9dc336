package dev.catena.connect.it;

import static dev.catena.connect.it.TestClusters.RECORDS_TIMEOUT;
import static dev.catena.connect.it.TestClusters.envelope;
import static dev.catena.connect.it.TestClusters.headers;
import static dev.catena.connect.it.TestClusters.jsonLines;
import static dev.catena.connect.it.TestClusters.records;
import static dev.catena.connect.it.TestClusters.resource;
import static dev.catena.connect.it.TestClusters.text;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.connect.ChainTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ChainTransform} in a real Connect worker with a real broker: source and sink connectors
 * with chains of JavaScript and Python steps (src/test/resources/it/chains), and both dead-letter
 * routes: Connect's (sink connectors) and Catena's own {@code on.error=dlq} (any connector). The
 * worker finds the transform on the test class path; {@code PluginPathIT} covers plugin.path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainTransformConnectIT {
    private EmbeddedConnectCluster connect;

    @TempDir
    Path tmp;

    @BeforeAll
    void startCluster() {
        connect = TestClusters.start("catena-connect-it", 1, Map.of());
    }

    @AfterAll
    void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    /*
     * FileStreamSource hands each line to the transform as a String with a STRING schema, whatever
     * the worker's converter: converters run after the transforms of a source connector. So the
     * chain parses the line (parse.js), works on the order, and writes it back as JSON text
     * (render.js), and the connector stores that text as it is (StringConverter). JsonConverter
     * with schemas.enable=false would store the text as a quoted JSON string instead.
     */
    @Test
    void fileSource_writesEachLineThroughJavaScriptAndPythonSteps_toTheTopic() throws Exception {
        Path input = tmp.resolve("orders.jsonl");
        Files.copy(resource("source/input.jsonl"), input);
        connect.kafka().createTopic("orders-from-file", 1);

        connect.configureConnector("orders-file-source", Map.of(
                "connector.class", FileStreamSourceConnector.class.getName(),
                "tasks.max", "1",
                "file", input.toString(),
                "topic", "orders-from-file",
                "key.converter", StringConverter.class.getName(),
                "value.converter", StringConverter.class.getName(),
                "transforms", "catena",
                "transforms.catena.type", ChainTransform.class.getName(),
                "transforms.catena.chain.file", resource("chains/lines.yaml").toString()));

        List<JsonNode> expected = jsonLines(resource("source/expected.jsonl"));
        List<JsonNode> actual = records(connect, "orders-from-file", expected.size()).stream()
                .map(r -> (JsonNode) envelope(r, false))
                .toList();
        // o-3 (customer "test") was dropped by parse.js; the others were priced in JS and scored in Python
        assertEquals(expected, actual);
    }

    @Test
    void sinkConnector_deadLettersRecordsAStepFailsOn_withTheScriptLocationInConnectsErrorHeaders() throws Exception {
        String topic = "orders-in";
        connect.kafka().createTopic(topic, 1);
        connect.kafka().produce(topic, "o-11", "{\"id\":\"o-11\",\"customer\":\"ada\",\"qty\":2,\"price\":1.5}");
        connect.kafka().produce(topic, "o-12", "{\"id\":\"o-12\",\"customer\":\"bob\",\"qty\":0,\"price\":3}");
        connect.kafka().produce(topic, "o-13", "{\"id\":\"o-13\",\"customer\":\"cy\",\"qty\":1,\"price\":600}");
        connect.kafka().produce(topic, "o-14", "{\"id\":\"o-14\",\"qty\":1,\"price\":5}");
        connect.kafka().produce(topic, "o-15", "{\"id\":\"o-15\",\"customer\":\"dee\",\"qty\":5,\"price\":2}");
        Path out = tmp.resolve("sink.jsonl");

        connect.configureConnector("orders-file-sink", Map.ofEntries(
                Map.entry("connector.class", FileStreamSinkConnector.class.getName()),
                Map.entry("tasks.max", "1"),
                Map.entry("topics", topic),
                Map.entry("file", out.toString()),
                Map.entry("key.converter", StringConverter.class.getName()),
                Map.entry("value.converter", JsonConverter.class.getName()),
                Map.entry("value.converter.schemas.enable", "false"),
                Map.entry("transforms", "catena"),
                Map.entry("transforms.catena.type", ChainTransform.class.getName()),
                Map.entry("transforms.catena.chain.file", resource("chains/checked.yaml").toString()),
                Map.entry("errors.tolerance", "all"),
                Map.entry("errors.deadletterqueue.topic.name", "dlq"),
                Map.entry("errors.deadletterqueue.topic.replication.factor", "1"),
                Map.entry("errors.deadletterqueue.context.headers.enable", "true")));

        // the good records reach the sink file, in order, priced (JS) and scored (Python)
        await("three records in " + out).atMost(RECORDS_TIMEOUT).until(() -> completeLines(out).size() == 3);
        assertEquals(List.of(
                TestClusters.parse("{\"id\":\"o-11\",\"customer\":\"ada\",\"qty\":2,\"price\":1.5,\"net\":3,\"vat\":0.6,\"total\":3.6,\"risk\":\"low\"}"),
                TestClusters.parse("{\"id\":\"o-13\",\"customer\":\"cy\",\"qty\":1,\"price\":600,\"net\":600,\"vat\":120,\"total\":720,\"risk\":\"high\"}"),
                TestClusters.parse("{\"id\":\"o-15\",\"customer\":\"dee\",\"qty\":5,\"price\":2,\"net\":10,\"vat\":2,\"total\":12,\"risk\":\"low\"}")),
                completeLines(out).stream().map(TestClusters::parse).toList());

        // the two failing records are in the dead-letter topic as they were consumed, with Connect's error headers
        List<ConsumerRecord<byte[], byte[]>> dead = records(connect, "dlq", 2);
        assertEquals(2, dead.size(), "dead letters: " + dead);

        ConsumerRecord<byte[], byte[]> js = dead.get(0);
        assertEquals("o-12", text(js.key()));
        assertEquals("{\"id\":\"o-12\",\"customer\":\"bob\",\"qty\":0,\"price\":3}", text(js.value()));
        Map<String, String> jsErrors = headers(js);
        assertErrorHeaders(jsErrors, topic, 1);
        String jsMessage = jsErrors.get("__connect.errors.exception.message");
        assertTrue(jsMessage.startsWith("chain checked, step validate ("), jsMessage);
        assertTrue(jsMessage.contains("it/chains/steps/validate.js:4:"), jsMessage);
        assertTrue(jsMessage.contains("topic orders-in partition 0 offset 1: "), jsMessage);
        assertTrue(jsMessage.endsWith("order o-12: qty must be positive, got 0"), jsMessage);

        ConsumerRecord<byte[], byte[]> py = dead.get(1);
        assertEquals("o-14", text(py.key()));
        assertEquals("{\"id\":\"o-14\",\"qty\":1,\"price\":5}", text(py.value()));
        Map<String, String> pyErrors = headers(py);
        assertErrorHeaders(pyErrors, topic, 3);
        String pyMessage = pyErrors.get("__connect.errors.exception.message");
        assertTrue(pyMessage.startsWith("chain checked, step risk ("), pyMessage);
        assertTrue(pyMessage.contains("it/chains/steps/risk.py:5"), pyMessage);
        assertTrue(pyMessage.contains("topic orders-in partition 0 offset 3: "), pyMessage);
        assertTrue(pyMessage.endsWith("order o-14 has no customer"), pyMessage);
    }

    /*
     * Connect's own dead-letter queue serves sink connectors only; for a source connector a failed
     * record can only fail the task or be skipped. Catena's on.error=dlq writes it to a topic of the
     * transform's own, with catena.error.* headers, and drops it from the stream.
     */
    @Test
    void fileSource_withCatenaDeadLetterTopic_writesFailedLinesThere_andTheOthersToTheTopic() throws Exception {
        Path input = tmp.resolve("orders-with-errors.jsonl");
        String malformed = "{\"id\": \"o-22\", \"customer\": \"bob\", \"qty\": 1, \"price\": 420";
        String noCustomer = "{\"id\": \"o-23\", \"qty\": 1, \"price\": 5}";
        Files.write(input, List.of(
                "{\"id\": \"o-21\", \"customer\": \"ada\", \"qty\": 2, \"price\": 1.5}",
                malformed,
                noCustomer,
                "{\"id\": \"o-24\", \"customer\": \"cy\", \"qty\": 4, \"price\": 99.9}"));
        connect.kafka().createTopic("orders-checked", 1);
        connect.kafka().createTopic("catena-dlq", 1);

        connect.configureConnector("orders-file-source-dlq", Map.ofEntries(
                Map.entry("connector.class", FileStreamSourceConnector.class.getName()),
                Map.entry("tasks.max", "1"),
                Map.entry("file", input.toString()),
                Map.entry("topic", "orders-checked"),
                Map.entry("key.converter", StringConverter.class.getName()),
                Map.entry("value.converter", StringConverter.class.getName()),
                Map.entry("transforms", "catena"),
                Map.entry("transforms.catena.type", ChainTransform.class.getName()),
                Map.entry("transforms.catena.chain.file", resource("chains/lines.yaml").toString()),
                Map.entry("transforms.catena.on.error", "dlq"),
                Map.entry("transforms.catena.dlq.topic", "catena-dlq"),
                Map.entry("transforms.catena.dlq.bootstrap.servers", connect.kafka().bootstrapServers())));

        List<JsonNode> out = records(connect, "orders-checked", 2).stream().map(r -> (JsonNode) envelope(r, false)).toList();
        assertEquals(List.of(
                TestClusters.parse("{\"key\": \"o-21\", \"value\": {\"id\": \"o-21\", \"customer\": \"ada\", \"qty\": 2, \"price\": 1.5,"
                        + " \"net\": 3, \"vat\": 0.6, \"total\": 3.6, \"risk\": \"low\"}, \"headers\": {\"priced-by\": \"total\", \"risk\": \"low\"}}"),
                TestClusters.parse("{\"key\": \"o-24\", \"value\": {\"id\": \"o-24\", \"customer\": \"cy\", \"qty\": 4, \"price\": 99.9,"
                        + " \"net\": 399.6, \"vat\": 79.92, \"total\": 479.52, \"risk\": \"low\"}, \"headers\": {\"priced-by\": \"total\", \"risk\": \"low\"}}")),
                out);

        // the dead letters hold the records as they entered the chain: a line of text, as a JSON string
        List<ConsumerRecord<byte[], byte[]>> dead = records(connect, "catena-dlq", 2);
        assertEquals(2, dead.size(), "dead letters: " + dead);

        Map<String, String> js = headers(dead.get(0));
        assertEquals(malformed, TestClusters.parse(text(dead.get(0).value())).asText(), js.toString());
        assertCatenaErrorHeaders(js, "parse", "it/chains/steps/parse.js:3:");
        assertEquals("syntax error: Unexpected end of JSON input", js.get("catena.error.message"), js.toString());

        Map<String, String> py = headers(dead.get(1));
        assertEquals(noCustomer, TestClusters.parse(text(dead.get(1).value())).asText(), py.toString());
        assertCatenaErrorHeaders(py, "risk", "it/chains/steps/risk.py:5");
        assertTrue(py.get("catena.error.message").endsWith("order o-23 has no customer"), py.toString());
        assertEquals(2, dead.stream().filter(r -> r.key() == null).count(), "FileStreamSource records have no key");
    }

    private static void assertCatenaErrorHeaders(Map<String, String> errors, String step, String location) {
        assertEquals("lines", errors.get("catena.error.chain"), errors.toString());
        assertEquals(step, errors.get("catena.error.step"), errors.toString());
        assertEquals("script-error", errors.get("catena.error.class"), errors.toString());
        assertTrue(errors.get("catena.error.location").contains(location), errors.toString());
        assertEquals("1", errors.get("catena.error.attempts"), errors.toString());
        assertEquals("orders-checked", errors.get("catena.error.topic"), errors.toString());
        assertTrue(errors.get("catena.error.record").contains("orders-checked"), errors.toString());
        assertTrue(errors.get("catena.error.time").matches("\\d{13}"), errors.toString());
    }

    private static void assertErrorHeaders(Map<String, String> errors, String topic, long offset) {
        assertEquals(topic, errors.get("__connect.errors.topic"), errors.toString());
        assertEquals("0", errors.get("__connect.errors.partition"), errors.toString());
        assertEquals(Long.toString(offset), errors.get("__connect.errors.offset"), errors.toString());
        assertEquals("orders-file-sink", errors.get("__connect.errors.connector.name"), errors.toString());
        assertEquals("TRANSFORMATION", errors.get("__connect.errors.stage"), errors.toString());
        assertEquals(ChainTransform.class.getName(), errors.get("__connect.errors.class.name"), errors.toString());
        assertEquals("org.apache.kafka.connect.errors.DataException", errors.get("__connect.errors.exception.class.name"),
                errors.toString());
    }

    /** The lines of a file the sink writes, without a last line it is still writing. */
    private static List<String> completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String content = Files.readString(file);
        int end = content.lastIndexOf('\n');
        return end < 0 ? List.of() : content.substring(0, end).lines().toList();
    }
}
