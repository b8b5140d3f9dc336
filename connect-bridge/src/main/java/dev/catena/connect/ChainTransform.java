package dev.catena.connect;

import dev.catena.bindings.Message;
import dev.catena.connect.dlq.DeadLetterQueue;
import dev.catena.connect.metrics.ChainMetrics;
import dev.catena.connect.metrics.ChainMetricsRegistration;
import dev.catena.connect.metrics.StepMetrics;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.Outcome;
import dev.catena.host.RecordProcessor;
import dev.catena.host.StepFailure;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.swap.ChainWatcher;
import dev.catena.host.swap.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.transforms.Transformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Catena chain as one Kafka Connect Single Message Transform.
 *
 * <pre>
 * transforms=catena
 * transforms.catena.type=dev.catena.connect.ChainTransform
 * transforms.catena.chain.file=/etc/catena/orders/chain.yaml
 * </pre>
 *
 * <p>Each record becomes a Catena message (Structs become maps, see the module README for the
 * type mapping), runs through the chain, and comes back as one record, or none when a step
 * dropped it. What happens to a record the chain fails on is {@code on.error}: by default the
 * failure is thrown as a {@link RetriableException} when retrying could help (timeout,
 * dependency-failure, internal) and as a {@link DataException} otherwise, so the connector's
 * {@code errors.tolerance} and dead-letter queue settings decide; {@code skip}, {@code drop} and
 * {@code dlq} (a dead-letter topic of the transform's own, for source connectors too) handle it
 * here. Counts and latency are in JMX ({@link ChainMetrics}).
 */
public final class ChainTransform<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Runs a Catena chain of JavaScript, Python and Connect SMT steps on each"
            + " record; a step may change the key, value, headers, topic and timestamp, or drop the record.";

    /** The transform's settings; rendered in docs/connect-config.md. */
    public static final ConfigDef CONFIG_DEF = ChainTransformConfig.DEF;

    private static final String VERSION = readVersion();
    private static final Logger LOG = LoggerFactory.getLogger(ChainTransform.class);

    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
    private ChainTransformConfig config;
    private RecordProcessor chain;
    private ChainWatcher watcher;
    private RecordConverter converter;
    private FailedRecords failures;
    private ChainMetrics metrics;
    private StepMetrics stepMetrics;
    private ChainMetricsRegistration registration;
    private boolean metricsRegistered;

    public ChainTransform() {
        this(DeadLetterQueue::kafkaProducer);
    }

    /** A transform whose dead-letter producer comes from {@code producers} (tests). */
    ChainTransform(Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
        this.producers = producers;
    }

    @Override
    public void configure(Map<String, ?> props) {
        ChainTransformConfig parsed = ChainTransformConfig.parse(props);
        DeadLetterQueue dlq = parsed.onError() == ChainTransformConfig.OnError.DLQ
                ? new DeadLetterQueue(parsed.dlqTopic(), parsed.dlqProducer(), producers) : null;
        StepMetrics steps = new StepMetrics();
        ChainWatcher watching = parsed.watch() ? watch(parsed, steps) : null;
        RecordProcessor loaded = watching != null ? watching.live() : load(parsed, steps);
        close();
        stepMetrics = steps;
        config = parsed;
        chain = loaded;
        watcher = watching;
        converter = new RecordConverter();
        failures = new FailedRecords(loaded.name(), parsed.onError(), dlq);
        metrics = new ChainMetrics(loaded.name());
        if (watching != null) {
            metrics.versioned(() -> watching.live().current().id(), watching.live()::refusals);
        }
        metricsRegistered = false;
    }

    /** A watched chain: versions swap in while the task runs; every version must pass the checks {@link #load} makes. */
    private static ChainWatcher watch(ChainTransformConfig cfg, StepMetrics steps) {
        // one directory per transform instance: tasks of a connector never share status, audit or control files
        Path root = cfg.watchStateDir() != null ? Path.of(cfg.watchStateDir())
                : cfg.chainFile().toAbsolutePath().getParent().resolve(".catena")
                        .resolve(cfg.chainFile().getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
        Path state = root.resolve("connect-" + Integer.toHexString(System.identityHashCode(cfg)));
        ChainWatcher w;
        try {
            PublicKey trusted = cfg.watchTrustedKey() == null ? null : Signatures.readPublic(Path.of(cfg.watchTrustedKey()));
            w = ChainWatcher.open(cfg.chainFile(), cfg.hostOptions().withStepListener(steps), new ChainWatcher.Options(trusted, state,
                    Duration.ofMillis(cfg.watchDebounceMs()), 20, ChainTransform::connectProblem));
        } catch (ChainLoadException e) {
            throw new ConfigException(cfg.chainKey(), cfg.chainFile().toString(), "must name a chain that loads; " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(ChainTransformConfig.WATCH_TRUSTED_KEY, cfg.watchTrustedKey(), e.getMessage());
        }
        w.watch();
        return w;
    }

    /** Why Connect cannot run a chain (it may split records, or hold them), or null. */
    static String connectProblem(Chain c) {
        if (c.canSplit()) {
            return "chain " + c.name() + " has steps declared split: true (" + String.join(", ", c.splittingSteps())
                    + "); a Single Message Transform returns one record or none — run it with the catena CLI instead";
        }
        if (!c.statefulSteps().isEmpty()) {
            return "chain " + c.name() + " has steps that hold records across inputs (" + String.join(", ", c.statefulSteps())
                    + "): aggregate and correlate run in the catena CLI; in Kafka Connect an SMT sees one record at a time";
        }
        return null;
    }

    private static Chain load(ChainTransformConfig cfg, StepMetrics steps) {
        String key = cfg.chainKey();
        String shown = cfg.chainFile() != null ? cfg.chainFile().toString() : abbreviated(cfg.chainInline());
        Chain loaded;
        try {
            loaded = cfg.chainFile() != null
                    ? ChainLoader.load(cfg.chainFile(), cfg.hostOptions().withStepListener(steps))
                    : ChainLoader.fromText(cfg.chainInline(), ChainTransformConfig.INLINE_NAME, cfg.scriptsDir(),
                            cfg.hostOptions().withStepListener(steps));
        } catch (ChainLoadException e) {
            throw new ConfigException(key, shown, (cfg.chainFile() != null ? "must name" : "must be") + " a chain that loads; "
                    + e.getMessage());
        }
        String problem = connectProblem(loaded);
        if (problem != null) {
            loaded.close();
            throw new ConfigException(key, shown, problem);
        }
        return loaded;
    }

    private static String abbreviated(String yaml) {
        String oneLine = yaml.strip().replaceAll("\\s*\\n\\s*", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    @Override
    public R apply(R record) {
        if (chain == null) {
            throw new IllegalStateException("ChainTransform is not configured: configure() was not called, or close() was");
        }
        if (record.value() == null && config.tombstones() == ChainTransformConfig.Tombstones.PASS) {
            return record;
        }
        if (!metricsRegistered) {
            registerMetrics();
        }
        long start = System.nanoTime();
        ChainMetrics.Result result = ChainMetrics.Result.THROWN;
        try {
            FailedRecords.Handled<R> handled = run(record);
            result = handled.result();
            return handled.record();
        } finally {
            metrics.record(result, System.nanoTime() - start);
        }
    }

    /** On the first record, so the task thread's name gives the connector and task. JMX trouble never fails a record. */
    private void registerMetrics() {
        metricsRegistered = true;
        try {
            registration = ChainMetricsRegistration.register(metrics, config.metricsConnector());
            stepMetrics.attach(registration.name());
        } catch (IllegalStateException e) {
            LOG.warn("chain {}: metrics are not in JMX: {}", chain.name(), e.getMessage());
        }
    }

    private FailedRecords.Handled<R> run(R record) {
        Message input;
        try {
            input = converter.toMessage(record);
        } catch (DataException e) {
            return failures.unreadable(record, e);
        }
        Outcome outcome = chain.apply(input, null);
        return switch (outcome) {
            case Outcome.Emitted emitted -> {
                R out;
                try {
                    out = converter.toRecord(record, input, single(emitted), chain.name());
                } catch (DataException e) {
                    yield failures.unwritable(record, input, e);
                }
                yield new FailedRecords.Handled<>(out, ChainMetrics.Result.EMITTED);
            }
            case Outcome.Dropped dropped -> new FailedRecords.Handled<>(null, ChainMetrics.Result.DROPPED);
            case Outcome.Failed failed -> failures.failed(record, failed.input(), failed.failure(),
                    asConnectException(failed.failure()));
            case Outcome.Absorbed absorbed -> throw new IllegalStateException("stateful step " + absorbed.stepId()
                    + " in a Connect chain: configure() refuses those");
        };
    }

    private Message single(Outcome.Emitted emitted) {
        // configure() refuses chains that may split, so more than one message is a host bug.
        if (emitted.messages().size() != 1) {
            throw new DataException("chain " + chain.name() + " emitted " + emitted.messages().size()
                    + " records for one; a Single Message Transform returns exactly one or none");
        }
        return emitted.messages().get(0);
    }

    /** The failure as Connect's error handling understands it; the message already names chain, step, script place and record. */
    static ConnectException asConnectException(StepFailure failure) {
        return failure.errorClass().isTransient()
                ? new RetriableException(failure.getMessage(), failure)
                : new DataException(failure.getMessage(), failure);
    }

    /** The watcher of a {@code watch=true} transform, else null. */
    ChainWatcher watcher() {
        return watcher;
    }

    /** This transform's per-step counters (null before configure()). */
    StepMetrics stepMetrics() {
        return stepMetrics;
    }

    /** This transform's counters (null before configure()). */
    ChainMetrics metrics() {
        return metrics;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** The project version, from the filtered version.properties. */
    static String projectVersion() {
        return VERSION;
    }

    @Override
    public void close() {
        try {
            if (registration != null) {
                registration.close();
            }
            if (stepMetrics != null) {
                stepMetrics.close();
            }
            if (failures != null) {
                failures.close();
            }
        } finally {
            registration = null;
            failures = null;
            if (watcher != null) {
                watcher.close();   // closes its live chain too
                watcher = null;
                chain = null;
            } else if (chain != null) {
                chain.close();
                chain = null;
            }
        }
    }

    private static String readVersion() {
        try (InputStream in = ChainTransform.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
