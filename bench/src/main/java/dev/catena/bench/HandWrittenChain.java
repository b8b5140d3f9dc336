package dev.catena.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * B1's five operations (insert {@code source=web}, rename {@code qty} to {@code quantity}, mask
 * {@code card}, cast {@code price} to a string, route {@code orders-(.*)} to {@code routed-$1}) as
 * one hand-written Transformation on schemaless records: the floor any generic chain is compared to.
 */
public final class HandWrittenChain implements Transformation<SinkRecord> {
    private static final Pattern ROUTE = Pattern.compile("orders-(.*)");

    @Override
    public SinkRecord apply(SinkRecord record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> in = (Map<String, Object>) record.value();
        Map<String, Object> v = new HashMap<>(in.size() + 2);
        for (Map.Entry<String, Object> e : in.entrySet()) {
            switch (e.getKey()) {
                case "qty" -> v.put("quantity", e.getValue());
                case "card" -> v.put("card", "");
                case "price" -> v.put("price", e.getValue() == null ? null : String.valueOf(e.getValue()));
                default -> v.put(e.getKey(), e.getValue());
            }
        }
        v.put("source", "web");
        Matcher m = ROUTE.matcher(record.topic());
        String topic = m.matches() ? "routed-" + m.group(1) : record.topic();
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(), null, v, record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
