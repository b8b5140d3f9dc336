package dev.catena.connect;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A Connect record as a Catena {@link Message} and back. Parts a step left unchanged (key,
 * value, headers) are returned as the original Connect objects; changed parts are written
 * with the schema they came in with, or a schema derived from it (see {@link OutputSchemas}).
 * One converter serves one transform; its caches are bounded.
 */
final class RecordConverter {
    private final SchemaMapping schemas = new SchemaMapping();
    private final OutputSchemas outputSchemas = new OutputSchemas();

    /**
     * The record as a message. Its origin is null, so errors describe it by topic, partition
     * and (for a sink record) offset.
     *
     * @throws DataException when a key, value or header does not match its schema
     */
    Message toMessage(ConnectRecord<?> record) {
        Long offset = record instanceof SinkRecord sink ? sink.kafkaOffset() : null;
        try {
            return new Message(record.topic(), record.kafkaPartition(), offset, record.timestamp(),
                    NeutralValues.read(record.key(), record.keySchema(), FieldPath.KEY),
                    NeutralValues.read(record.value(), record.valueSchema(), FieldPath.VALUE),
                    HeaderMapping.neutral(record.headers()),
                    schemas.neutral(record.keySchema()), schemas.neutral(record.valueSchema()), null);
        } catch (DataException e) {
            String where = Message.builder().topic(record.topic()).partition(record.kafkaPartition()).offset(offset).build().describe();
            throw new DataException("cannot read the record (" + where + "): " + e.getMessage(), e);
        }
    }

    /**
     * The record a chain made of {@code record}: its partition (and, for a sink record, the
     * original topic, partition and offset) stay; topic, key, value, headers and timestamp come
     * from {@code output}.
     *
     * @param input  the message {@code record} was converted to
     * @param output what the chain emitted for it
     * @throws DataException naming chain, record and field when a changed part does not fit its schema
     */
    <R extends ConnectRecord<R>> R toRecord(R record, Message input, Message output, String chain) {
        SchemaAndValue key;
        SchemaAndValue value;
        Headers headers;
        try {
            key = part(record.keySchema(), record.key(), input.keySchema(), input.key(), output.keySchema(), output.key(),
                    FieldPath.KEY);
            value = part(record.valueSchema(), record.value(), input.valueSchema(), input.value(), output.valueSchema(),
                    output.value(), FieldPath.VALUE);
            headers = HeaderMapping.connect(output.headers(), record.headers(), input.headers());
        } catch (DataException e) {
            throw new DataException("chain " + chain + ", " + input.describe() + ": " + e.getMessage(), e);
        }
        if (output.topic() == null) {
            throw new DataException("chain " + chain + ", " + input.describe() + ": a step set the topic to null;"
                    + " a Connect record needs a topic");
        }
        return record.newRecord(output.topic(), record.kafkaPartition(), key.schema(), key.value(), value.schema(),
                value.value(), output.timestamp(), headers);
    }

    /** One key or value: the original when unchanged, else the output written with its schema. */
    private SchemaAndValue part(Schema connectSchema, Object connectValue, dev.catena.bindings.Schema inSchema,
            Object inValue, dev.catena.bindings.Schema outSchema, Object outValue, FieldPath path) {
        if (outSchema == inSchema && Values.deepEquals(outValue, inValue)) {
            return new SchemaAndValue(connectSchema, connectValue);
        }
        Schema declared = outSchema == inSchema ? connectSchema : schemas.connect(outSchema);
        if (declared == null || outValue == null) {
            // Schemaless data is already in a form Connect takes (maps, lists, Long, String, ...);
            // a null value is a tombstone, passed with the record's schema as Connect sources do.
            return new SchemaAndValue(declared, outValue);
        }
        Schema schema = outputSchemas.schemaFor(outValue, declared, path);
        return new SchemaAndValue(schema, ConnectValues.write(outValue, schema, path));
    }
}
