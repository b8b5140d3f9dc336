package dev.catena.connect.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * One task of {@link SequenceSourceConnector}: schemaless orders keyed by their id, with the
 * sequence number as the source offset, so a restarted task continues after the last committed
 * record (at least once: records after that commit are produced again).
 */
public final class SequenceSourceTask extends SourceTask {
    private String topic;
    private int task;
    private long count;
    private int batchSize;
    private long intervalMs;
    private Map<String, Integer> partition;
    private long next;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(SequenceSourceConnector.TOPIC);
        task = Integer.parseInt(props.get(SequenceSourceConnector.TASK_ID));
        count = Long.parseLong(props.getOrDefault(SequenceSourceConnector.RECORDS_PER_TASK, "100"));
        batchSize = Integer.parseInt(props.getOrDefault(SequenceSourceConnector.BATCH_SIZE, "2"));
        intervalMs = Long.parseLong(props.getOrDefault(SequenceSourceConnector.BATCH_INTERVAL_MS, "100"));
        partition = Map.of("task", task);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        next = offset == null ? 0 : ((Number) offset.get("seq")).longValue() + 1;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        // The pause paces the stream (and keeps an idle task from spinning once it is done).
        Thread.sleep(intervalMs);
        if (next >= count) {
            return null;
        }
        List<SourceRecord> records = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize && next < count; i++, next++) {
            String id = id(task, next);
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("id", id);
            order.put("customer", "c" + next % 7);
            order.put("qty", 1 + next % 5);
            order.put("price", 10.5);
            records.add(new SourceRecord(partition, Map.of("seq", next), topic, null, null, id, null, order));
        }
        return records;
    }

    static String id(int task, long seq) {
        return "s" + task + "-" + seq;
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1";
    }
}
