package dev.catena.connect.migrate;

import dev.catena.bindings.CodecException;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.connect.MessageRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The records a migration is checked on: JSON Lines envelopes ({@code catena run}'s input
 * format), or a few generated ones. Every record is a {@link SinkRecord}; what a line leaves out
 * is filled in: topic (the connector's first topic, else {@code orders}), partition 0, offset
 * (the line's index) and timestamp ({@value #DEFAULT_TIMESTAMP}, 2025-12-04T00:00:00Z, so
 * timestamp-based transforms have one).
 */
final class SampleRecords {
    static final long DEFAULT_TIMESTAMP = 1_764_806_400_000L;

    /** A record and where it came from, for the report. */
    record Sample(String origin, SinkRecord record) {
    }

    private SampleRecords() {
    }

    /**
     * Reads JSON Lines; blank lines are skipped.
     *
     * @throws ConnectorTransforms.InvalidConfig naming the line that is not a record
     */
    static List<Sample> read(List<String> lines, String defaultTopic) throws ConnectorTransforms.InvalidConfig {
        JsonCodec json = new JsonCodec();
        MessageRecords records = new MessageRecords();
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String origin = "records line " + (i + 1);
            try {
                Message m = json.decode(lines.get(i), origin);
                Message filled = m.toBuilder()
                        .topic(m.topic() == null ? defaultTopic : m.topic())
                        .partition(m.partition() == null ? 0 : m.partition())
                        .offset(m.offset() == null ? (long) out.size() : m.offset())
                        .timestamp(m.timestamp() == null ? DEFAULT_TIMESTAMP : m.timestamp())
                        .build();
                out.add(new Sample(origin, (SinkRecord) records.toRecord(filled)));
            } catch (CodecException | DataException e) {
                throw new ConnectorTransforms.InvalidConfig(e.getMessage());
            }
        }
        return out;
    }

    /**
     * Five records: three schemaless orders and payments (maps, with a header), one order with a
     * Struct value and string key schema, and a tombstone.
     */
    static List<Sample> generated(String topic) {
        Schema orderSchema = SchemaBuilder.struct().name("Order")
                .field("id", Schema.INT64_SCHEMA).field("customer", Schema.STRING_SCHEMA)
                .field("amount", Schema.FLOAT64_SCHEMA).field("currency", Schema.OPTIONAL_STRING_SCHEMA).build();
        Struct struct = new Struct(orderSchema).put("id", 4L).put("customer", "Lin").put("amount", 980.0).put("currency", "EUR");
        List<Sample> out = new ArrayList<>();
        out.add(sample(topic, 0, 0, null, "o-1", null, order(1, "Ada", "ada@example.com", 120.5, "EUR", "4111111111111111")));
        out.add(sample(topic, 1, 1, null, "o-2", null, order(2, "Grace", "grace@example.com", 15L, "USD", "5500005555555559")));
        out.add(sample("payments", 0, 2, null, "p-1", null, order(3, "Alan", "alan@example.com", 42.0, "GBP", "340000000000009")));
        out.add(sample(topic, 0, 3, Schema.STRING_SCHEMA, "o-4", orderSchema, struct));
        out.add(sample(topic, 0, 4, null, "o-1", null, null));
        return out;
    }

    private static Map<String, Object> order(long id, String name, String email, Object amount, String currency, String card) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", name);
        customer.put("email", email);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("customer", customer);
        v.put("amount", amount);
        v.put("currency", currency);
        v.put("card", card);
        return v;
    }

    private static Sample sample(String topic, int partition, long offset, Schema keySchema, Object key, Schema valueSchema,
            Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("source", "web");
        SinkRecord r = new SinkRecord(topic, partition, keySchema, key, valueSchema, value, offset,
                DEFAULT_TIMESTAMP + offset * 1000, TimestampType.CREATE_TIME, headers);
        return new Sample("generated record " + (offset + 1), r);
    }
}
