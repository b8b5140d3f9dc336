package dev.catena.connect.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A source connector for the failover test: each of its tasks produces a known, numbered
 * sequence of orders ({@code s<task>-<n>}, n from 0 to {@code records.per.task} - 1) at a steady
 * pace, and resumes after its last committed offset when it is restarted on another worker.
 */
public final class SequenceSourceConnector extends SourceConnector {
    static final String TOPIC = "topic";
    static final String RECORDS_PER_TASK = "records.per.task";
    static final String BATCH_SIZE = "batch.size";
    static final String BATCH_INTERVAL_MS = "batch.interval.ms";
    static final String TASK_ID = "task.id";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, Type.STRING, Importance.HIGH, "Topic to write to.")
            .define(RECORDS_PER_TASK, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.HIGH, "Records each task produces.")
            .define(BATCH_SIZE, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW, "Records per poll.")
            .define(BATCH_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Pause before each poll's records, which paces the stream.");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        CONFIG.parse(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SequenceSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(TASK_ID, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "1";
    }
}
