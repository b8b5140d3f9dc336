package dev.catena.connect;

import dev.catena.host.HostOptions;
import dev.catena.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configuration of a {@link ChainTransform}, declared once in {@link #DEF} (which also
 * validates it) and parsed into this immutable object at {@code configure()}.
 */
final class ChainTransformConfig {
    static final String CHAIN_FILE = "chain.file";
    static final String POOL_SIZE = "pool.size";
    static final String TIME_LIMIT_MS = "time.limit.ms";
    static final String STATEMENT_LIMIT = "statement.limit";
    static final String TOMBSTONES = "tombstones";

    /** What happens to a record whose value is null (a deletion marker in a compacted topic). */
    enum Tombstones {
        /** The record is returned unchanged; the chain does not see it (as Kafka's own SMTs do). */
        PASS,
        /** The chain runs on it; scripts see {@code msg.value === null} / {@code msg.value is None}. */
        APPLY;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final ConfigDef DEF = new ConfigDef()
            .define(CHAIN_FILE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Path of the chain file (YAML) on the worker; script paths in it are relative to its directory."
                            + " Use an absolute path: a relative one is resolved against the worker's working directory.")
            .define(POOL_SIZE, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Sandboxed contexts per script language. A Connect task calls its transforms from one thread,"
                            + " so 1 is enough; every context costs memory (a Python one tens of megabytes).")
            .define(TIME_LIMIT_MS, Type.LONG, 2000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Wall time one script call may take, in milliseconds. A call that runs longer is stopped and"
                            + " the record fails with a RetriableException (a time-out is transient).")
            .define(STATEMENT_LIMIT, Type.LONG, 10_000_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Statements one JavaScript call may execute (0: no limit). Not applied to Python steps."
                            + " A call that exceeds it fails the record with a DataException.")
            .define(TOMBSTONES, Type.STRING, Tombstones.PASS.id(),
                    ConfigDef.CaseInsensitiveValidString.in(Tombstones.PASS.id(), Tombstones.APPLY.id()), Importance.LOW,
                    "What to do with a record whose value is null: 'pass' returns it unchanged without running the"
                            + " chain; 'apply' runs the chain on it.");

    private final Path chainFile;
    private final int poolSize;
    private final Duration timeLimit;
    private final long statementLimit;
    private final Tombstones tombstones;

    private ChainTransformConfig(AbstractConfig parsed) {
        this.chainFile = Path.of(parsed.getString(CHAIN_FILE));
        this.poolSize = parsed.getInt(POOL_SIZE);
        this.timeLimit = Duration.ofMillis(parsed.getLong(TIME_LIMIT_MS));
        this.statementLimit = parsed.getLong(STATEMENT_LIMIT);
        this.tombstones = Tombstones.valueOf(parsed.getString(TOMBSTONES).toUpperCase(Locale.ROOT));
    }

    /**
     * Validates and parses connector properties.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key, the value and what was expected
     */
    static ChainTransformConfig parse(Map<String, ?> props) {
        return new ChainTransformConfig(new AbstractConfig(DEF, props, false));
    }

    Path chainFile() {
        return chainFile;
    }

    Tombstones tombstones() {
        return tombstones;
    }

    /** The host options these settings stand for, starting from the recommended preset. */
    HostOptions hostOptions() {
        SandboxOptions sandbox = HostOptions.DEFAULT.sandbox()
                .withPoolSize(poolSize)
                .withTimeLimit(timeLimit)
                .withStatementLimit(statementLimit);
        return HostOptions.DEFAULT.withSandbox(sandbox);
    }
}
