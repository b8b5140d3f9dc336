package dev.catena.connect.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * What one chain did in one transform, as a JMX bean in the style of Connect's task metrics
 * ({@link ChainMetricsRegistration} names it). Counters are cumulative since the transform was
 * configured; latency is the time {@code apply} took for records the chain ran on (conversion,
 * chain, error handling), in nanoseconds, averaged over all of them and its maximum.
 *
 * <p>Accounting: {@code records-total = emitted-total + dropped-total + errors-total}, and
 * {@code errors-total = errors-thrown-total + errors-skipped-total + errors-dropped-total +
 * errors-dead-lettered-total}. Thread-safe.
 */
public final class ChainMetrics implements DynamicMBean {

    /** How a record the chain ran on ended. */
    public enum Result {
        /** The chain returned it (changed or not). */
        EMITTED,
        /** A step dropped it on purpose. */
        DROPPED,
        /** The chain failed and the failure was thrown to Connect (on.error=fail). */
        THROWN,
        /** The chain failed and the record was returned unchanged (on.error=skip). */
        SKIPPED,
        /** The chain failed and the record was dropped (on.error=drop). */
        ERROR_DROPPED,
        /** The chain failed and the record went to the dead-letter topic (on.error=dlq). */
        DEAD_LETTERED
    }

    private final String chain;
    private final LongAdder[] counts = new LongAdder[Result.values().length];
    private final LongAdder latencyTotal = new LongAdder();
    private final AtomicLong latencyMax = new AtomicLong();
    private final Map<String, Attr> attributes = new LinkedHashMap<>();

    private record Attr(String type, String description, Supplier<Object> value) {
    }

    public ChainMetrics(String chain) {
        this.chain = chain;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
        counter("records-total", "Records the chain ran on (tombstones passed by tombstones=pass are not counted)", this::records);
        counter("emitted-total", "Records the chain returned", () -> count(Result.EMITTED));
        counter("dropped-total", "Records a step dropped", () -> count(Result.DROPPED));
        counter("errors-total", "Records the chain failed on, however on.error handled them", this::errors);
        counter("errors-thrown-total", "Failures thrown to Connect (on.error=fail)", () -> count(Result.THROWN));
        counter("errors-skipped-total", "Failed records returned unchanged (on.error=skip)", () -> count(Result.SKIPPED));
        counter("errors-dropped-total", "Failed records dropped (on.error=drop)", () -> count(Result.ERROR_DROPPED));
        counter("errors-dead-lettered-total", "Failed records written to the dead-letter topic (on.error=dlq)",
                () -> count(Result.DEAD_LETTERED));
        attributes.put("latency-avg-ns", new Attr("double", "Average time apply() took per record, in nanoseconds",
                this::latencyAvgNanos));
        attributes.put("latency-max-ns", new Attr("long", "Longest time apply() took for one record, in nanoseconds",
                this::latencyMaxNanos));
        // read only when asked: proves in a running worker whether GraalVM's optimizing compiler is on
        attributes.put("script-engine", new Attr("java.lang.String",
                "GraalVM's implementation name for JavaScript in this worker: 'Interpreted' when the optimizing compiler is off",
                () -> dev.catena.sandbox.Engines.implementationName(dev.catena.sandbox.Language.JS)));
    }

    /**
     * A watched chain's version id and count of refused changes (see docs/hot-swap.md), as the
     * {@code version} and {@code refusals-total} attributes.
     */
    public void versioned(Supplier<String> version, Supplier<Long> refusals) {
        attributes.put("version", new Attr("java.lang.String", "Id (content hash) of the chain version serving records", version::get));
        counter("refusals-total", "Changes to the chain's files refused (the running version kept serving)", refusals);
    }

    private void counter(String name, String description, Supplier<Long> value) {
        attributes.put(name, new Attr("long", description, value::get));
    }

    /** The chain's name. */
    public String chain() {
        return chain;
    }

    /** Records that one record ended as {@code result}, after {@code nanos} in apply(). */
    public void record(Result result, long nanos) {
        counts[result.ordinal()].increment();
        latencyTotal.add(nanos);
        if (nanos > latencyMax.get()) {
            latencyMax.accumulateAndGet(nanos, Math::max);
        }
    }

    public long count(Result result) {
        return counts[result.ordinal()].sum();
    }

    public long records() {
        long n = 0;
        for (LongAdder c : counts) {
            n += c.sum();
        }
        return n;
    }

    public long errors() {
        return count(Result.THROWN) + count(Result.SKIPPED) + count(Result.ERROR_DROPPED) + count(Result.DEAD_LETTERED);
    }

    public double latencyAvgNanos() {
        long n = records();
        return n == 0 ? 0.0 : (double) latencyTotal.sum() / n;
    }

    public long latencyMaxNanos() {
        return latencyMax.get();
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException {
        Attr a = attributes.get(name);
        if (a == null) {
            throw new AttributeNotFoundException("no attribute " + name + "; chain metrics have " + attributes.keySet());
        }
        return a.value().get();
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            Attr a = attributes.get(name);
            if (a != null) {
                list.add(new Attribute(name, a.value().get()));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("chain metrics are read-only: " + attribute.getName());
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("chain metrics have no operations: " + actionName);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> infos = new ArrayList<>();
        attributes.forEach((name, a) -> infos.add(new MBeanAttributeInfo(name, a.type(), a.description(), true, false, false)));
        return new MBeanInfo(ChainMetrics.class.getName(), "Catena chain metrics of chain " + chain,
                infos.toArray(MBeanAttributeInfo[]::new), null, new MBeanOperationInfo[0], null);
    }
}
