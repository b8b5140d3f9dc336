package dev.catena.connect.metrics;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.utils.Sanitizer;

/**
 * {@link ChainMetrics} registered in the platform MBean server as
 * {@code dev.catena:type=chain-metrics,connector=<connector>,task=<task>,chain=<chain>}, next to
 * Connect's own {@code kafka.connect:type=task-metrics,connector=...,task=...}. When that name is
 * taken (two transforms of one task running the same chain), an {@code instance=2, 3, ...} key
 * tells them apart. Values are quoted as Kafka quotes its own JMX names.
 */
public final class ChainMetricsRegistration implements AutoCloseable {
    public static final String DOMAIN = "dev.catena";
    public static final String TYPE = "chain-metrics";
    /** Connect names a task's thread {@code task-thread-<connector>-<task>} while it runs the task. */
    private static final Pattern TASK_THREAD = Pattern.compile("task-thread-(.+)-(\\d+)");

    private final MBeanServer server;
    private final ObjectName name;

    private ChainMetricsRegistration(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** A Connect task's connector name and task number. */
    public record TaskId(String connector, int task) {
        /** The task a Connect task thread runs, from its name; null for any other thread. */
        public static TaskId ofThread(String threadName) {
            Matcher m = TASK_THREAD.matcher(threadName);
            return m.matches() ? new TaskId(m.group(1), Integer.parseInt(m.group(2))) : null;
        }
    }

    /**
     * Registers {@code metrics} for the calling thread's task.
     *
     * @param connector the configured connector name, or null: the task thread's connector, else the chain name
     * @throws IllegalStateException when the MBean server refuses the bean
     */
    public static ChainMetricsRegistration register(ChainMetrics metrics, String connector) {
        TaskId task = TaskId.ofThread(Thread.currentThread().getName());
        String c = connector != null ? connector : task != null ? task.connector() : metrics.chain();
        return register(ManagementFactory.getPlatformMBeanServer(), metrics, c, task == null ? 0 : task.task());
    }

    static ChainMetricsRegistration register(MBeanServer server, ChainMetrics metrics, String connector, int task) {
        for (int instance = 1; ; instance++) {
            ObjectName name = name(connector, task, metrics.chain(), instance);
            try {
                server.registerMBean(metrics, name);
                return new ChainMetricsRegistration(server, name);
            } catch (InstanceAlreadyExistsException taken) {
                // another transform of this task runs the same chain: try the next instance number
            } catch (JMException e) {
                throw new IllegalStateException("cannot register chain metrics as " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** The bean's name; {@code instance} 1 has no instance key. */
    public static ObjectName name(String connector, int task, String chain, int instance) {
        String n = DOMAIN + ":type=" + TYPE + ",connector=" + Sanitizer.jmxSanitize(connector) + ",task=" + task
                + ",chain=" + Sanitizer.jmxSanitize(chain) + (instance > 1 ? ",instance=" + instance : "");
        try {
            return new ObjectName(n);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a JMX name: " + n, e);
        }
    }

    public ObjectName name() {
        return name;
    }

    /** Unregisters the bean. */
    @Override
    public void close() {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException alreadyGone) {
            // unregistered by someone else; nothing to do
        } catch (JMException e) {
            throw new IllegalStateException("cannot unregister " + name + ": " + e.getMessage(), e);
        }
    }
}
