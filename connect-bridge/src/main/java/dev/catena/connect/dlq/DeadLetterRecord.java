package dev.catena.connect.dlq;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The Kafka record a failed Connect record becomes on the dead-letter topic.
 *
 * <ul>
 * <li>key and value: the record as it entered the chain, each as UTF-8 JSON of its neutral form
 *     ({@link JsonCodec#encodeValue}: Structs as objects, bytes as base64 strings, a string key as
 *     a JSON string); null stays null. An SMT cannot reach the worker's converters, so this is not
 *     the connector's own wire format.</li>
 * <li>headers: the record's headers, then {@code catena.error.chain, step, class, message,
 *     location, attempts, record, time} ({@link DeadLetter}) and {@code catena.error.topic},
 *     {@code .partition} and, for a sink record, {@code .offset}. String values as UTF-8, bytes as
 *     they are, other values as JSON.</li>
 * <li>timestamp: the record's; partition: chosen by the producer.</li>
 * </ul>
 */
public final class DeadLetterRecord {
    private static final JsonCodec JSON = new JsonCodec();

    private DeadLetterRecord() {
    }

    /**
     * @param topic      the dead-letter topic
     * @param deadLetter {@link DeadLetter#of} the message as it entered the chain
     * @param original   the Connect record that failed
     */
    public static ProducerRecord<byte[], byte[]> of(String topic, Message deadLetter, ConnectRecord<?> original) {
        RecordHeaders headers = new RecordHeaders();
        for (Headers.Header h : deadLetter.headers().entries()) {
            headers.add(h.name(), bytes(h.value()));
        }
        headers.add(DeadLetter.PREFIX + "topic", utf8(original.topic()));
        if (original.kafkaPartition() != null) {
            headers.add(DeadLetter.PREFIX + "partition", utf8(original.kafkaPartition().toString()));
        }
        if (original instanceof SinkRecord sink) {
            headers.add(DeadLetter.PREFIX + "offset", utf8(Long.toString(sink.kafkaOffset())));
        }
        return new ProducerRecord<>(topic, null, original.timestamp(), json(deadLetter.key()), json(deadLetter.value()), headers);
    }

    private static byte[] json(Object neutral) {
        return neutral == null ? null : utf8(JSON.encodeValue(neutral));
    }

    private static byte[] bytes(Object headerValue) {
        if (headerValue == null) {
            return null;
        }
        if (headerValue instanceof byte[] b) {
            return b;
        }
        if (headerValue instanceof String s) {
            return utf8(s);
        }
        return json(headerValue);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
