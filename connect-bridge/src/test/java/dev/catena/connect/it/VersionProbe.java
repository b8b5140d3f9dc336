package dev.catena.connect.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A test SMT placed right after {@code ChainTransform} in a connector's {@code transforms}: it
 * notes, per probe id, the {@link System#nanoTime()} at which a record with each value of the
 * {@code version} field was first seen, and returns every record unchanged. Connect calls it on
 * the task thread immediately after the chain returned the record, so the time is when the
 * record was processed by that version, before conversion and the producer. The worker runs in
 * the test JVM and loads this class from the class path, so the test reads the same map.
 *
 * <pre>
 * transforms=catena,probe
 * transforms.probe.type=dev.catena.connect.it.VersionProbe
 * transforms.probe.probe.id=my-connector
 * </pre>
 */
public final class VersionProbe<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String PROBE_ID = "probe.id";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(PROBE_ID, Type.STRING, Importance.HIGH, "Key under which the first-seen times are kept.");
    private static final Map<String, Map<Long, Long>> FIRST_SEEN = new ConcurrentHashMap<>();

    private Map<Long, Long> firstSeen;

    @Override
    public void configure(Map<String, ?> props) {
        String id = (String) CONFIG.parse(props).get(PROBE_ID);
        firstSeen = FIRST_SEEN.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
    }

    @Override
    public R apply(R record) {
        long now = System.nanoTime();
        if (record.value() instanceof Map<?, ?> value && value.get("version") instanceof Number version) {
            firstSeen.putIfAbsent(version.longValue(), now);
        }
        return record;
    }

    /** When probe {@code id} first saw a record of {@code version} ({@link System#nanoTime()}), or null. */
    static Long firstSeen(String id, long version) {
        Map<Long, Long> seen = FIRST_SEEN.get(id);
        return seen == null ? null : seen.get(version);
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
