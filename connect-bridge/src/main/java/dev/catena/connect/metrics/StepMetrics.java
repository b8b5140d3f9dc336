package dev.catena.connect.metrics;

import dev.catena.host.ErrorClass;
import dev.catena.host.spi.StepListener;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Per-step metrics in JMX, beside the chain's: {@code dev.catena:type=chain-metrics,connector=…,
 * task=…,chain=…,step=<id>} with {@code records-total}, {@code passed-total}, {@code dropped-total},
 * {@code split-total}, {@code errors-total} and {@code latency-avg-ns}/{@code latency-max-ns}. Beans
 * appear when a step first runs after the chain's bean is registered, and go with {@link #close()}.
 */
public final class StepMetrics implements StepListener, AutoCloseable {
    private static final List<String> ATTRIBUTES = List.of("records-total", "passed-total", "dropped-total", "split-total",
            "errors-total", "latency-avg-ns", "latency-max-ns");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Map<String, Step> steps = new ConcurrentHashMap<>();
    private volatile ObjectName chainBean;

    /** One step's counters, a DynamicMBean. */
    static final class Step implements DynamicMBean {
        final LongAdder[] counts = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
        final LongAdder nanos = new LongAdder();
        final AtomicLong max = new AtomicLong();
        volatile ObjectName name;

        void record(Result r, long ns) {
            counts[r.ordinal()].increment();
            nanos.add(ns);
            if (ns > max.get()) {
                max.accumulateAndGet(ns, Math::max);   // rarely: a write only when a new maximum
            }
        }

        long records() {
            long n = 0;
            for (LongAdder a : counts) {
                n += a.sum();
            }
            return n;
        }

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            return switch (attribute) {
                case "records-total" -> records();
                case "passed-total" -> counts[Result.PASSED.ordinal()].sum();
                case "dropped-total" -> counts[Result.DROPPED.ordinal()].sum();
                case "split-total" -> counts[Result.SPLIT.ordinal()].sum();
                case "errors-total" -> counts[Result.FAILED.ordinal()].sum();
                case "latency-avg-ns" -> records() == 0 ? 0.0 : (double) nanos.sum() / records();
                case "latency-max-ns" -> max.get();
                default -> throw new AttributeNotFoundException("no attribute " + attribute + "; step metrics have " + ATTRIBUTES);
            };
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            AttributeList l = new AttributeList();
            for (String a : attributes) {
                try {
                    l.add(new Attribute(a, getAttribute(a)));
                } catch (AttributeNotFoundException ignored) {
                    // JMX convention: unknown attributes are left out of a bulk read
                }
            }
            return l;
        }

        @Override
        public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
            throw new AttributeNotFoundException("step metrics are read-only: " + attribute.getName());
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }

        @Override
        public Object invoke(String actionName, Object[] params, String[] signature) {
            throw new UnsupportedOperationException("step metrics have no operations");
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            List<MBeanAttributeInfo> infos = new ArrayList<>();
            for (String a : ATTRIBUTES) {
                infos.add(new MBeanAttributeInfo(a, a.equals("latency-avg-ns") ? "double" : "long", a, true, false, false));
            }
            return new MBeanInfo(Step.class.getName(), "Catena step metrics", infos.toArray(MBeanAttributeInfo[]::new), null,
                    new MBeanOperationInfo[0], null);
        }
    }

    /** Starts registering step beans under the chain's bean name. */
    public void attach(ObjectName chain) {
        this.chainBean = chain;
        steps.forEach(this::register);
    }

    @Override
    public void onStep(String chain, String stepId, Result result, ErrorClass errorClass, long nanos) {
        Step s = steps.get(stepId);
        if (s == null) {
            s = steps.computeIfAbsent(stepId, id -> {
                Step n = new Step();
                register(id, n);
                return n;
            });
        }
        s.record(result, nanos);
    }

    /** A step's counters (null if it has not run). */
    public long records(String stepId) {
        Step s = steps.get(stepId);
        return s == null ? 0 : s.records();
    }

    private void register(String stepId, Step s) {
        ObjectName base = chainBean;
        if (base == null || s.name != null) {
            return;
        }
        try {
            ObjectName name = new ObjectName(base.getCanonicalName() + ",step=" + ObjectName.quote(stepId));
            server.registerMBean(s, name);
            s.name = name;
        } catch (JMException | RuntimeException e) {
            // metrics never fail a record; the chain bean logs JMX trouble already
        }
    }

    @Override
    public void close() {
        for (Step s : steps.values()) {
            if (s.name != null) {
                try {
                    server.unregisterMBean(s.name);
                } catch (JMException ignored) {
                    // already gone
                }
            }
        }
    }
}
