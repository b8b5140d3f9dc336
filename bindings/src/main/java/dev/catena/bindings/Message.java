package dev.catena.bindings;

import java.util.Objects;

/**
 * One record as Catena sees it, independent of where it came from (a Kafka Connect record,
 * a JSON line, ...). Immutable: every change makes a new {@code Message}; the key and value
 * are neutral values (see {@link Values}) and are never mutated once inside a message.
 *
 * <pre>{@code
 * Message m = Message.builder().topic("orders").value(Map.of("qty", 2L)).build();
 * Message priced = m.withValue(Values.put(m.value(), "total", 20L));
 * }</pre>
 *
 * @param topic      topic name, or null when the record has none
 * @param partition  partition, or null
 * @param offset     offset within the partition, or null
 * @param timestamp  epoch milliseconds, or null
 * @param key        neutral key value, may be null
 * @param value      neutral value, null for a tombstone
 * @param headers    never null
 * @param keySchema  schema of the key, or null when schemaless
 * @param valueSchema schema of the value, or null when schemaless
 * @param origin     where the record came from for error messages ("input line 7"), or null
 */
public record Message(
        String topic,
        Integer partition,
        Long offset,
        Long timestamp,
        Object key,
        Object value,
        Headers headers,
        Schema keySchema,
        Schema valueSchema,
        String origin) {

    public Message {
        headers = headers == null ? Headers.EMPTY : headers;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Message withValue(Object newValue) {
        return new Message(topic, partition, offset, timestamp, key, newValue, headers, keySchema, valueSchema, origin);
    }

    public Message withKey(Object newKey) {
        return new Message(topic, partition, offset, timestamp, newKey, value, headers, keySchema, valueSchema, origin);
    }

    public Message withHeaders(Headers newHeaders) {
        return new Message(topic, partition, offset, timestamp, key, value, newHeaders, keySchema, valueSchema, origin);
    }

    public Message withTopic(String newTopic) {
        return new Message(newTopic, partition, offset, timestamp, key, value, headers, keySchema, valueSchema, origin);
    }

    /** True when the value is null: a deletion marker in a compacted topic. */
    public boolean isTombstone() {
        return value == null;
    }

    /** Where this record came from, for error messages: origin, else topic/partition/offset. */
    public String describe() {
        if (origin != null) {
            return origin;
        }
        StringBuilder b = new StringBuilder();
        b.append("topic ").append(topic == null ? "(none)" : topic);
        if (partition != null) {
            b.append(" partition ").append(partition);
        }
        if (offset != null) {
            b.append(" offset ").append(offset);
        }
        return b.toString();
    }

    /** Structural equality on the neutral values (byte arrays by content). */
    public boolean sameContent(Message other) {
        return other != null
                && Objects.equals(topic, other.topic)
                && Objects.equals(timestamp, other.timestamp)
                && Values.deepEquals(key, other.key)
                && Values.deepEquals(value, other.value)
                && headers.sameContent(other.headers);
    }

    /** Builder for {@link Message}; unset fields are null, headers empty. */
    public static final class Builder {
        private String topic;
        private Integer partition;
        private Long offset;
        private Long timestamp;
        private Object key;
        private Object value;
        private Headers headers = Headers.EMPTY;
        private Schema keySchema;
        private Schema valueSchema;
        private String origin;

        private Builder() {
        }

        private Builder(Message m) {
            topic = m.topic;
            partition = m.partition;
            offset = m.offset;
            timestamp = m.timestamp;
            key = m.key;
            value = m.value;
            headers = m.headers;
            keySchema = m.keySchema;
            valueSchema = m.valueSchema;
            origin = m.origin;
        }

        public Builder topic(String v) { topic = v; return this; }
        public Builder partition(Integer v) { partition = v; return this; }
        public Builder offset(Long v) { offset = v; return this; }
        public Builder timestamp(Long v) { timestamp = v; return this; }
        public Builder key(Object v) { key = v; return this; }
        public Builder value(Object v) { value = v; return this; }
        public Builder headers(Headers v) { headers = v; return this; }
        public Builder keySchema(Schema v) { keySchema = v; return this; }
        public Builder valueSchema(Schema v) { valueSchema = v; return this; }
        public Builder origin(String v) { origin = v; return this; }

        public Message build() {
            return new Message(topic, partition, offset, timestamp, key, value, headers, keySchema, valueSchema, origin);
        }
    }
}
