package dev.catena.connect;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A Catena {@link Message} as a Connect record and back, for the bridge's adapters that run
 * Connect plugins inside a chain ({@code smt:} steps, {@code predicate:} conditions) and for
 * {@code catena migrate}. Not part of the user-facing API.
 *
 * <p>A message with an offset becomes a {@link SinkRecord}, one without a {@link SourceRecord}
 * (with no source partition or offset) — inside {@link ChainTransform} that is the kind of record
 * the connector produced. Keys and values are written with the message's schemas (converted as
 * {@link ChainTransform} converts a changed record, see the module README); schemaless values
 * are deep copies, so a plugin that changes a map in place cannot change the message (unless the
 * caller shares them with a plugin known not to). Thread-safe.
 */
public final class MessageRecords {
    private final RecordConverter reader = new RecordConverter();
    private final SchemaMapping schemas = new SchemaMapping();
    private final OutputSchemas outputSchemas = new OutputSchemas();

    /**
     * The record as a message (as {@link ChainTransform} reads it).
     *
     * @throws DataException when a key, value or header does not match its schema
     */
    public Message toMessage(ConnectRecord<?> record) {
        return reader.toMessage(record);
    }

    /**
     * The message as a Connect record: a {@link SinkRecord} when it has an offset, else a
     * {@link SourceRecord}. A missing partition is 0 in a sink record.
     *
     * @throws DataException when a key or value does not fit its schema
     */
    public ConnectRecord<?> toRecord(Message m) {
        return toRecord(m, false);
    }

    /**
     * As {@link #toRecord(Message)}; with {@code share}, schemaless keys and values are the
     * message's own maps and lists, not copies: only for a plugin known never to change its input
     * in place (Kafka's built-in transformations, checked by {@code BuiltinSmtInputTest}).
     */
    public ConnectRecord<?> toRecord(Message m, boolean share) {
        SchemaAndValue key = part(m.key(), m.keySchema(), FieldPath.KEY, share);
        SchemaAndValue value = part(m.value(), m.valueSchema(), FieldPath.VALUE, share);
        Headers headers = HeaderMapping.connect(m.headers(), new ConnectHeaders(), dev.catena.bindings.Headers.EMPTY);
        if (m.offset() != null) {
            return new SinkRecord(m.topic(), m.partition() == null ? 0 : m.partition(), key.schema(), key.value(),
                    value.schema(), value.value(), m.offset(), m.timestamp(),
                    m.timestamp() == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME, headers);
        }
        return new SourceRecord(Map.of(), Map.of(), m.topic(), m.partition(), key.schema(), key.value(), value.schema(),
                value.value(), m.timestamp(), headers);
    }

    /**
     * The message a plugin made of {@code in}: {@code out} is what it returned for {@code sent}
     * (the {@link #toRecord} of {@code in}). Parts the plugin passed through (the same objects)
     * are taken from {@code in}; offset and origin always are, and so is the partition unless the
     * plugin changed it.
     *
     * @throws DataException when a part of {@code out} does not match its schema
     */
    public Message fromRecord(ConnectRecord<?> out, ConnectRecord<?> sent, Message in) {
        if (out == sent) {
            return in;
        }
        boolean sameKey = out.key() == sent.key() && out.keySchema() == sent.keySchema();
        boolean sameValue = out.value() == sent.value() && out.valueSchema() == sent.valueSchema();
        dev.catena.bindings.Headers headers = out.headers() == sent.headers() ? in.headers() : HeaderMapping.neutral(out.headers());
        if (headers != in.headers() && headers.sameContent(in.headers())) {
            headers = in.headers();
        }
        return new Message(out.topic(),
                Objects.equals(out.kafkaPartition(), sent.kafkaPartition()) ? in.partition() : out.kafkaPartition(),
                in.offset(),
                out.timestamp(),
                sameKey ? in.key() : NeutralValues.read(out.key(), out.keySchema(), FieldPath.KEY),
                sameValue ? in.value() : NeutralValues.read(out.value(), out.valueSchema(), FieldPath.VALUE),
                headers,
                out.keySchema() == sent.keySchema() ? in.keySchema() : schemas.neutral(out.keySchema()),
                out.valueSchema() == sent.valueSchema() ? in.valueSchema() : schemas.neutral(out.valueSchema()),
                in.origin());
    }

    private SchemaAndValue part(Object value, dev.catena.bindings.Schema schema, FieldPath path, boolean share) {
        Schema declared = schemas.connect(schema);
        if (value == null) {
            return new SchemaAndValue(declared, null);
        }
        if (declared == null) {
            return new SchemaAndValue(null, share ? value : Values.deepCopy(value));
        }
        Schema written = outputSchemas.schemaFor(value, declared, path);
        return new SchemaAndValue(written, ConnectValues.write(value, written, path));
    }
}
