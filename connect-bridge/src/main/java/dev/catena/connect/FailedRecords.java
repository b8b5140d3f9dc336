package dev.catena.connect;

import dev.catena.bindings.Message;
import dev.catena.connect.ChainTransformConfig.OnError;
import dev.catena.connect.dlq.DeadLetterQueue;
import dev.catena.connect.dlq.DeadLetterRecord;
import dev.catena.connect.metrics.ChainMetrics;
import dev.catena.host.DeadLetter;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link ChainTransform} does with a record its chain failed on, per {@code on.error}:
 * throw (fail), return it unchanged (skip), drop it, or write it to the dead-letter topic and drop
 * it (dlq). Records that cannot be converted to a message ({@code (input)}) or back
 * ({@code (output)}) are failures of class {@code bad-data} like any other.
 */
final class FailedRecords implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainTransform.class);

    /** The record a transform returns and how it ended, for its metrics. */
    record Handled<R>(R record, ChainMetrics.Result result) {
    }

    private final String chain;
    private final OnError onError;
    private final DeadLetterQueue dlq;

    /** @param dlq the dead-letter topic when {@code onError} is DLQ, else null */
    FailedRecords(String chain, OnError onError, DeadLetterQueue dlq) {
        this.chain = chain;
        this.onError = onError;
        this.dlq = dlq;
    }

    /** The chain failed on {@code record}; {@code input} is the message as it entered the chain. */
    <R extends ConnectRecord<R>> Handled<R> failed(R record, Message input, StepFailure failure, RuntimeException thrown) {
        switch (onError) {
            case SKIP -> {
                LOG.warn("{}; on.error=skip: the record passes unchanged", failure.getMessage());
                return new Handled<>(record, ChainMetrics.Result.SKIPPED);
            }
            case DROP -> {
                LOG.warn("{}; on.error=drop: the record is dropped", failure.getMessage());
                return new Handled<>(null, ChainMetrics.Result.ERROR_DROPPED);
            }
            case DLQ -> {
                Message letter = DeadLetter.of(input, failure, System.currentTimeMillis());
                dlq.send(DeadLetterRecord.of(dlq.topic(), letter, record));
                LOG.debug("{}; written to dead-letter topic {}", failure.getMessage(), dlq.topic());
                return new Handled<>(null, ChainMetrics.Result.DEAD_LETTERED);
            }
            default -> throw thrown;
        }
    }

    /**
     * The record could not be read into a message. Its dead letter carries the key and value as
     * text ({@code String.valueOf}), since they have no neutral form.
     */
    <R extends ConnectRecord<R>> Handled<R> unreadable(R record, DataException e) {
        Long offset = record instanceof SinkRecord sink ? sink.kafkaOffset() : null;
        Message asText = Message.builder().topic(record.topic()).partition(record.kafkaPartition()).offset(offset)
                .timestamp(record.timestamp())
                .key(record.key() == null ? null : String.valueOf(record.key()))
                .value(record.value() == null ? null : String.valueOf(record.value())).build();
        String reason = e.getCause() instanceof DataException inner ? "cannot read the record: " + inner.getMessage() : e.getMessage();
        StepFailure f = new StepFailure(chain, "(input)", ErrorClass.BAD_DATA, null, asText.describe(), reason, e);
        return failed(record, asText, f, e);
    }

    /** The chain's output for {@code record} did not fit back into a Connect record. */
    <R extends ConnectRecord<R>> Handled<R> unwritable(R record, Message input, DataException e) {
        String reason = e.getCause() instanceof DataException inner ? inner.getMessage() : e.getMessage();
        StepFailure f = new StepFailure(chain, "(output)", ErrorClass.BAD_DATA, null, input.describe(), reason, e);
        return failed(record, input, f, e);
    }

    @Override
    public void close() {
        if (dlq != null) {
            dlq.close();
        }
    }
}
