package dev.catena.connect;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.Outcome;
import dev.catena.host.StepFailure;
import dev.catena.host.spec.ChainLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.transforms.Transformation;

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
 * dropped it. A step failure is thrown as a {@link RetriableException} when retrying could
 * help (a time-out) and as a {@link DataException} otherwise, so the connector's
 * {@code errors.tolerance} and dead-letter queue settings decide what happens to the record.
 */
public final class ChainTransform<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Runs a Catena chain of JavaScript and Python steps on each record;"
            + " a step may change the key, value, headers, topic and timestamp, or drop the record.";

    /** The transform's settings; see the module README for a table. */
    public static final ConfigDef CONFIG_DEF = ChainTransformConfig.DEF;

    private static final String VERSION = readVersion();

    private ChainTransformConfig config;
    private Chain chain;
    private RecordConverter converter;

    @Override
    public void configure(Map<String, ?> props) {
        ChainTransformConfig parsed = ChainTransformConfig.parse(props);
        Chain loaded = load(parsed);
        close();
        config = parsed;
        chain = loaded;
        converter = new RecordConverter();
    }

    private static Chain load(ChainTransformConfig cfg) {
        String file = cfg.chainFile().toString();
        Chain loaded;
        try {
            loaded = ChainLoader.load(cfg.chainFile(), cfg.hostOptions());
        } catch (ChainLoadException e) {
            throw new ConfigException(ChainTransformConfig.CHAIN_FILE, file, "must name a chain that loads; " + e.getMessage());
        }
        if (loaded.canSplit()) {
            List<String> ids = loaded.splittingSteps();
            loaded.close();
            throw new ConfigException(ChainTransformConfig.CHAIN_FILE, file, "chain " + loaded.name()
                    + " has steps declared split: true (" + String.join(", ", ids) + "); a Single Message Transform"
                    + " returns one record or none — run it with the catena CLI instead");
        }
        if (!loaded.statefulSteps().isEmpty()) {
            List<String> ids = loaded.statefulSteps();
            loaded.close();
            throw new ConfigException(ChainTransformConfig.CHAIN_FILE, file, "chain " + loaded.name()
                    + " has steps that hold records across inputs (" + String.join(", ", ids) + "): aggregate and"
                    + " correlate run in the catena CLI; in Kafka Connect an SMT sees one record at a time");
        }
        return loaded;
    }

    @Override
    public R apply(R record) {
        if (chain == null) {
            throw new IllegalStateException("ChainTransform is not configured: configure() was not called, or close() was");
        }
        if (record.value() == null && config.tombstones() == ChainTransformConfig.Tombstones.PASS) {
            return record;
        }
        Message input = converter.toMessage(record);
        Outcome outcome = chain.apply(input);
        return switch (outcome) {
            case Outcome.Emitted emitted -> converter.toRecord(record, input, single(emitted), chain.name());
            case Outcome.Dropped dropped -> null;
            case Outcome.Failed failed -> throw asConnectException(failed.failure());
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

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void close() {
        if (chain != null) {
            chain.close();
            chain = null;
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
