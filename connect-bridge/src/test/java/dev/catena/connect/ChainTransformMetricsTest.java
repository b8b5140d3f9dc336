package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** ChainTransform's JMX bean: registered on the first record, named after the task, removed on close. */
class ChainTransformMetricsTest {
    private static final String CHAIN = """
            chain: metered
            steps:
              - {id: drop-tests, drop: true, when: {field: value.test, equals: true}}
              - {id: lookup, smt: dev.catena.connect.fixtures.FailingTransformation}
            """;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private static SinkRecord record(Map<String, Object> value) {
        return new SinkRecord("orders", 0, null, "k", null, value, 1L);
    }

    @Test
    void apply_countsRecordsByOutcome_inTheBeanNamedByMetricsConnector() throws Exception {
        ChainTransform<SinkRecord> t = InlineChains.transform(CHAIN, "metrics.connector", "metrics-test-a");
        ObjectName name = new ObjectName("dev.catena:type=chain-metrics,connector=metrics-test-a,task=0,chain=metered");
        try {
            assertFalse(server.isRegistered(name));

            t.apply(record(Map.of("id", 1L)));
            t.apply(record(Map.of("test", true)));
            assertThrows(DataException.class, () -> t.apply(record(Map.of("fail", true))));
            t.apply(new SinkRecord("orders", 0, null, "k", null, null, 2L));

            assertEquals(3L, server.getAttribute(name, "records-total"));
            assertEquals(1L, server.getAttribute(name, "emitted-total"));
            assertEquals(1L, server.getAttribute(name, "dropped-total"));
            assertEquals(1L, server.getAttribute(name, "errors-thrown-total"));
            assertTrue((Long) server.getAttribute(name, "latency-max-ns") > 0);
        } finally {
            t.close();
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void apply_namesTheBeanAfterTheConnectTaskThread() throws Exception {
        ChainTransform<SinkRecord> t = InlineChains.transform(CHAIN);
        try {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread task = new Thread(() -> t.apply(record(Map.of("id", 1L))), "task-thread-metrics-test-sink-3");
            task.setUncaughtExceptionHandler((th, e) -> failure.set(e));
            task.start();
            task.join();

            assertEquals(null, failure.get());
            assertTrue(server.isRegistered(new ObjectName(
                    "dev.catena:type=chain-metrics,connector=metrics-test-sink,task=3,chain=metered")));
        } finally {
            t.close();
        }
    }

    @Test
    void apply_countsEachStep_inBeansNamedAfterTheChainsBean() throws Exception {
        ChainTransform<SinkRecord> t = InlineChains.transform(CHAIN, "metrics.connector", "metrics-test-steps");
        String base = "dev.catena:type=chain-metrics,connector=metrics-test-steps,task=0,chain=metered,step=";
        ObjectName dropTests = new ObjectName(base + ObjectName.quote("drop-tests"));
        ObjectName lookup = new ObjectName(base + ObjectName.quote("lookup"));
        try {
            t.apply(record(Map.of("id", 1L)));
            t.apply(record(Map.of("test", true)));
            assertThrows(DataException.class, () -> t.apply(record(Map.of("fail", true))));

            // drop-tests saw all three records (its when: let two through), lookup the two it was given
            assertEquals(3L, server.getAttribute(dropTests, "records-total"));
            assertEquals(1L, server.getAttribute(dropTests, "dropped-total"));
            assertEquals(2L, server.getAttribute(dropTests, "passed-total"));
            assertEquals(2L, server.getAttribute(lookup, "records-total"));
            assertEquals(1L, server.getAttribute(lookup, "passed-total"));
            assertEquals(1L, server.getAttribute(lookup, "errors-total"));
            assertTrue((Long) server.getAttribute(lookup, "latency-max-ns") > 0);
        } finally {
            t.close();
        }
        assertFalse(server.isRegistered(dropTests));
        assertFalse(server.isRegistered(lookup));
    }
}
