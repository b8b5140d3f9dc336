package dev.catena.connect.dlq;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * A dead-letter topic a transform writes failed records to. The producer is created on the first
 * failed record (a task that never fails opens no connection); its settings are checked at once.
 * Each record is sent and waited for: when {@link #send} returns, the broker has the record
 * ({@code acks=all} unless overridden), so the caller may drop it; when it throws, nothing was
 * lost and Connect retries or fails the task.
 */
public final class DeadLetterQueue implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> settings;
    private final Function<Map<String, Object>, Producer<byte[], byte[]>> factory;
    private Producer<byte[], byte[]> producer;

    /**
     * @param settings producer settings (bootstrap.servers and overrides); serializers are always byte arrays
     * @param factory  makes the producer from the final settings ({@link #kafkaProducer} in a worker)
     * @throws ConfigException when the producer settings are invalid
     */
    public DeadLetterQueue(String topic, Map<String, Object> settings, Function<Map<String, Object>, Producer<byte[], byte[]>> factory) {
        this.topic = topic;
        Map<String, Object> s = new HashMap<>();
        s.put(ProducerConfig.ACKS_CONFIG, "all");
        s.put(ProducerConfig.CLIENT_ID_CONFIG, "catena-dlq-" + topic);
        s.putAll(settings);
        s.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        s.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        new ProducerConfig(s); // validates every setting now, not at the first failed record
        this.settings = Map.copyOf(s);
        this.factory = factory;
    }

    /** A real {@link KafkaProducer}. */
    public static Producer<byte[], byte[]> kafkaProducer(Map<String, Object> settings) {
        return new KafkaProducer<>(settings);
    }

    public String topic() {
        return topic;
    }

    /**
     * Produces the record and waits for the broker's acknowledgement.
     *
     * @throws RetriableException when the record could not be written (the caller must not drop it)
     */
    public synchronized void send(ProducerRecord<byte[], byte[]> record) {
        try {
            if (producer == null) {
                producer = factory.apply(settings);
            }
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw unsent(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unsent(e);
        } catch (KafkaException e) {
            throw unsent(e);
        }
    }

    private RetriableException unsent(Throwable cause) {
        return new RetriableException("cannot write the failed record to dead-letter topic " + topic + ": " + cause, cause);
    }

    /** Flushes and closes the producer, if one was made. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            try {
                producer.flush();
            } finally {
                producer.close(CLOSE_TIMEOUT);
                producer = null;
            }
        }
    }
}
