package dev.catena.connect.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Kafka brokers and Connect workers for the integration tests (one KRaft broker and distributed
 * workers in the test JVM, Kafka's own {@link EmbeddedConnectCluster}), the fixtures under
 * {@code src/test/resources/it}, and reading records back as JSON envelopes.
 */
final class TestClusters {
    /** How long a test waits for records; a task with Python steps takes seconds to start. */
    static final Duration RECORDS_TIMEOUT = Duration.ofSeconds(90);

    static final ObjectMapper JSON = new ObjectMapper();

    private TestClusters() {
    }

    /**
     * Starts one broker and {@code workers} distributed Connect workers and waits until all are up.
     * Offsets are flushed every half second so sinks write and sources commit promptly. Plugins
     * are found by scanning the class path as well as by their service manifests (hybrid_warn:
     * the embedded cluster's default, hybrid_fail, refuses the tests' own connector, which has no
     * manifest); {@code PluginPathIT} sets service_load.
     */
    static EmbeddedConnectCluster start(String name, int workers, Map<String, String> workerProps) {
        Map<String, String> props = new HashMap<>();
        props.put("offset.flush.interval.ms", "500");
        props.put("plugin.discovery", "hybrid_warn");
        props.putAll(workerProps);
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .workerProps(props)
                .build();
        cluster.start();
        return cluster;
    }

    /** A file under src/test/resources/it, as an absolute path (the worker reads chain files by path). */
    static Path resource(String name) {
        URL url = TestClusters.class.getResource("/it/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource it/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path named by a system property failsafe sets (see the module pom). */
    static Path pathProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the integration tests with ./mvnw verify");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /**
     * Every record of {@code topic}, in partition and offset order, once at least {@code atLeast}
     * have arrived: records that arrive late beyond that count are included too, up to the
     * partitions' end offsets at the time of reading.
     */
    static List<ConsumerRecord<byte[], byte[]>> records(EmbeddedConnectCluster cluster, String topic, int atLeast)
            throws InterruptedException, ExecutionException, TimeoutException {
        cluster.kafka().consume(atLeast, RECORDS_TIMEOUT.toMillis(), topic);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        cluster.kafka().consumeAll(RECORDS_TIMEOUT.toMillis(), topic).forEach(all::add);
        all.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return all;
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The record's headers as text, in order; a repeated header keeps its last value. */
    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), text(h.value()));
        }
        return headers;
    }

    /**
     * The record as the catena CLI writes one: key and value (parsed when it is JSON text) always,
     * headers when there are any, and topic and timestamp when {@code withPlace}.
     */
    static ObjectNode envelope(ConsumerRecord<byte[], byte[]> record, boolean withPlace) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("key", text(record.key()));
        envelope.set("value", parse(text(record.value())));
        Map<String, String> headers = headers(record);
        if (!headers.isEmpty()) {
            ObjectNode h = envelope.putObject("headers");
            headers.forEach(h::put);
        }
        if (withPlace) {
            envelope.put("topic", record.topic());
            envelope.put("timestamp", record.timestamp());
        }
        return envelope;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** The non-blank lines of a JSON Lines file, parsed. */
    static List<JsonNode> jsonLines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(TestClusters::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
