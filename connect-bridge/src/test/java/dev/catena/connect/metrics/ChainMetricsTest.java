package dev.catena.connect.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.connect.metrics.ChainMetrics.Result;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Chain metrics as counters and as a JMX bean. */
class ChainMetricsTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void record_countsEachResult_andKeepsAccountingBalanced() {
        ChainMetrics m = new ChainMetrics("orders");

        m.record(Result.EMITTED, 100);
        m.record(Result.EMITTED, 300);
        m.record(Result.DROPPED, 200);
        m.record(Result.DEAD_LETTERED, 1_000);
        m.record(Result.SKIPPED, 400);

        assertEquals(5, m.records());
        assertEquals(2, m.count(Result.EMITTED));
        assertEquals(2, m.errors());
        assertEquals(m.records(), m.count(Result.EMITTED) + m.count(Result.DROPPED) + m.errors());
        assertEquals(400.0, m.latencyAvgNanos());
        assertEquals(1_000, m.latencyMaxNanos());
    }

    @Test
    void register_exposesAttributesUnderTheConnectStyleName_andCloseRemovesIt() throws Exception {
        ChainMetrics m = new ChainMetrics("orders");
        m.record(Result.EMITTED, 50);
        m.record(Result.THROWN, 150);

        ObjectName name;
        try (ChainMetricsRegistration r = ChainMetricsRegistration.register(server, m, "jmx-test-a", 2)) {
            name = r.name();

            assertEquals(new ObjectName("dev.catena:type=chain-metrics,connector=jmx-test-a,task=2,chain=orders"), name);
            assertEquals(2L, server.getAttribute(name, "records-total"));
            assertEquals(1L, server.getAttribute(name, "errors-thrown-total"));
            assertEquals(100.0, server.getAttribute(name, "latency-avg-ns"));
            assertEquals(150L, server.getAttribute(name, "latency-max-ns"));
            List<String> attributes = Arrays.stream(server.getMBeanInfo(name).getAttributes()).map(MBeanAttributeInfo::getName).toList();
            assertEquals(List.of("records-total", "emitted-total", "dropped-total", "errors-total", "errors-thrown-total",
                    "errors-skipped-total", "errors-dropped-total", "errors-dead-lettered-total", "latency-avg-ns",
                    "latency-max-ns", "script-engine"), attributes);
            // the test JVM runs with the JIT on JDK 25 (root pom profile), interpreted below
            assertEquals(Boolean.getBoolean("catena.expect.jit") ? "GraalVM CE" : "Interpreted",
                    server.getAttribute(name, "script-engine"));
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void register_addsAnInstanceKey_whenTheNameIsTaken() throws Exception {
        try (ChainMetricsRegistration first = ChainMetricsRegistration.register(server, new ChainMetrics("c"), "jmx-test-b", 0);
                ChainMetricsRegistration second = ChainMetricsRegistration.register(server, new ChainMetrics("c"), "jmx-test-b", 0)) {
            assertEquals(new ObjectName("dev.catena:type=chain-metrics,connector=jmx-test-b,task=0,chain=c"), first.name());
            assertEquals(new ObjectName("dev.catena:type=chain-metrics,connector=jmx-test-b,task=0,chain=c,instance=2"),
                    second.name());
        }
    }

    @Test
    void name_quotesValuesThatJmxReserves() {
        ObjectName n = ChainMetricsRegistration.name("sink:a,b", 0, "orders", 1);

        assertEquals("\"sink:a,b\"", n.getKeyProperty("connector"));
    }

    @Test
    void taskId_isReadFromConnectTaskThreadNames_only() {
        assertEquals(new ChainMetricsRegistration.TaskId("orders-sink", 3), ChainMetricsRegistration.TaskId.ofThread("task-thread-orders-sink-3"));
        assertNull(ChainMetricsRegistration.TaskId.ofThread("main"));
        assertNull(ChainMetricsRegistration.TaskId.ofThread("task-thread-nodigits"));
    }

    @Test
    void getAttribute_namesTheAttributes_whenAskedForAnUnknownOne() {
        AttributeNotFoundException e = assertThrows(AttributeNotFoundException.class, () -> new ChainMetrics("c").getAttribute("rate"));

        assertTrue(e.getMessage().startsWith("no attribute rate; chain metrics have [records-total, "), e.getMessage());
    }
}
