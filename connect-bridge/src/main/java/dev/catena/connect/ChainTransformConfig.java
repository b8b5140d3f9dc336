package dev.catena.connect;

import dev.catena.host.HostOptions;
import dev.catena.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of a {@link ChainTransform}, declared once in {@link #DEF} (which also
 * validates each key and renders {@code docs/connect-config.md}) and parsed into this immutable
 * object at {@code configure()}, where the rules that involve several keys are checked too.
 */
final class ChainTransformConfig {
    static final String CHAIN_FILE = "chain.file";
    static final String CHAIN_INLINE = "chain.inline";
    static final String SCRIPTS_DIR = "scripts.dir";
    static final String POOL_SIZE = "pool.size";
    static final String TIME_LIMIT_MS = "time.limit.ms";
    static final String STATEMENT_LIMIT = "statement.limit";
    static final String TOMBSTONES = "tombstones";
    static final String ON_ERROR = "on.error";
    static final String DLQ_TOPIC = "dlq.topic";
    static final String DLQ_BOOTSTRAP_SERVERS = "dlq.bootstrap.servers";
    /** Keys with this prefix go, without it, to the dead-letter producer. */
    static final String DLQ_PRODUCER_PREFIX = "dlq.producer.";
    static final String METRICS_CONNECTOR = "metrics.connector";
    static final String WATCH = "watch";
    static final String WATCH_DEBOUNCE_MS = "watch.debounce.ms";
    static final String WATCH_TRUSTED_KEY = "watch.trusted.key";
    static final String WATCH_STATE_DIR = "watch.state.dir";

    /** The display name of an inline chain in problems: {@code chain.inline:3:7: unknown key 'jss'}. */
    static final String INLINE_NAME = CHAIN_INLINE;

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

    /** What happens to a record the chain fails on (after the chain's own on-error and retries). */
    enum OnError {
        /** Throw: {@code DataException}, or {@code RetriableException} for transient classes; Connect's errors.* settings decide. */
        FAIL,
        /** Return the record as it came in, unchanged. */
        SKIP,
        /** Return null: the record is dropped. */
        DROP,
        /** Produce it to {@code dlq.topic} with error headers, then drop it. */
        DLQ;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String[] ids() {
            return List.of(values()).stream().map(OnError::id).toArray(String[]::new);
        }
    }

    static final ConfigDef DEF = new ConfigDef()
            .define(CHAIN_FILE, Type.STRING, null, Importance.HIGH,
                    "Path of the chain file (YAML) on the worker; script paths in it are relative to its directory."
                            + " Use an absolute path: a relative one is resolved against the worker's working directory."
                            + " Set exactly one of chain.file and chain.inline.")
            .define(CHAIN_INLINE, Type.STRING, null, Importance.HIGH,
                    "The chain itself, as YAML text (flow style fits on one properties line:"
                            + " {chain: c, steps: [{smt: ..., config: {...}}]}). Problems are reported as chain.inline:line:column."
                            + " Set exactly one of chain.file and chain.inline.")
            .define(SCRIPTS_DIR, Type.STRING, null, Importance.MEDIUM,
                    "With chain.inline: the directory script paths in the chain are relative to (default: the worker's"
                            + " working directory). Not allowed with chain.file, whose scripts are relative to the file.")
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
                    OneOf.of(Tombstones.PASS.id(), Tombstones.APPLY.id()), Importance.LOW,
                    "What to do with a record whose value is null: 'pass' returns it unchanged without running the"
                            + " chain; 'apply' runs the chain on it.")
            .define(ON_ERROR, Type.STRING, OnError.FAIL.id(), OneOf.of(OnError.ids()),
                    Importance.MEDIUM,
                    "What to do with a record the chain fails on (after the steps' own on-error and retry): 'fail'"
                            + " throws a DataException (RetriableException for timeout, dependency-failure, internal) for"
                            + " Connect's errors.tolerance; 'skip' returns the record unchanged; 'drop' drops it; 'dlq'"
                            + " produces it to dlq.topic with catena.error.* headers and drops it. Records that cannot be"
                            + " converted to or from the chain's form count as failures too.")
            .define(DLQ_TOPIC, Type.STRING, null, Importance.MEDIUM,
                    "With on.error=dlq: the topic failed records are produced to (key and value as UTF-8 JSON)."
                            + " Works for source and sink connectors.")
            .define(DLQ_BOOTSTRAP_SERVERS, Type.STRING, null, Importance.MEDIUM,
                    "With on.error=dlq: the Kafka cluster of dlq.topic (host:port,...). Further producer settings:"
                            + " dlq.producer.<producer key>, e.g. dlq.producer.security.protocol=SSL.")
            .define(WATCH, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Reload the chain when its files change, without restarting the task: each change is validated,"
                            + " fixture-tested and versioned; a broken one is refused and the running version keeps"
                            + " serving (see docs/hot-swap.md). Needs chain.file.")
            .define(WATCH_DEBOUNCE_MS, Type.LONG, 150L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "With watch: quiet time after the last file change before the chain is reloaded, ms.")
            .define(WATCH_TRUSTED_KEY, Type.STRING, null, Importance.LOW,
                    "With watch: an Ed25519 public key file (catena keygen); only files with a valid detached"
                            + " signature (FILE.sig, catena sign) then load.")
            .define(WATCH_STATE_DIR, Type.STRING, null, Importance.LOW,
                    "With watch: where this task writes status.json and audit.jsonl (default: .catena/<chain>/connect-<id>"
                            + " beside the chain file, one per transform instance).")
            .define(METRICS_CONNECTOR, Type.STRING, null, Importance.LOW,
                    "The 'connector' key of this transform's JMX metrics"
                            + " (dev.catena:type=chain-metrics,connector=...,task=...,chain=...). Default: the connector"
                            + " name Connect gives the task's thread, else the chain's name.");

    private final Path chainFile;
    private final String chainInline;
    private final Path scriptsDir;
    private final int poolSize;
    private final Duration timeLimit;
    private final long statementLimit;
    private final Tombstones tombstones;
    private final OnError onError;
    private final String dlqTopic;
    private final Map<String, Object> dlqProducer;
    private final String metricsConnector;
    private final boolean watch;
    private final long watchDebounceMs;
    private final String watchTrustedKey;
    private final String watchStateDir;

    private ChainTransformConfig(AbstractConfig parsed) {
        this.watch = parsed.getBoolean(WATCH);
        this.watchDebounceMs = parsed.getLong(WATCH_DEBOUNCE_MS);
        this.watchTrustedKey = parsed.getString(WATCH_TRUSTED_KEY);
        this.watchStateDir = parsed.getString(WATCH_STATE_DIR);
        String file = parsed.getString(CHAIN_FILE);
        this.chainInline = parsed.getString(CHAIN_INLINE);
        String dir = parsed.getString(SCRIPTS_DIR);
        if ((file == null) == (chainInline == null)) {
            throw new ConfigException(file == null
                    ? "No chain: set " + CHAIN_FILE + " (a path to a chain file) or " + CHAIN_INLINE + " (the chain's YAML)"
                    : "Both " + CHAIN_FILE + " and " + CHAIN_INLINE + " are set; set exactly one of them");
        }
        if (file != null && file.isBlank()) {
            throw new ConfigException(CHAIN_FILE, file, "must be a path to a chain file");
        }
        if (chainInline != null && chainInline.isBlank()) {
            throw new ConfigException(CHAIN_INLINE, chainInline, "must be the chain's YAML text");
        }
        if (watch && file == null) {
            throw new ConfigException(WATCH, true, "needs chain.file: an inline chain has no files to watch");
        }
        if (dir != null && file != null) {
            throw new ConfigException(SCRIPTS_DIR, dir, "is only used with " + CHAIN_INLINE + "; the scripts of "
                    + CHAIN_FILE + " are relative to the chain file's directory");
        }
        this.chainFile = file == null ? null : Path.of(file);
        this.scriptsDir = Path.of(dir == null ? "" : dir).toAbsolutePath();
        this.poolSize = parsed.getInt(POOL_SIZE);
        this.timeLimit = Duration.ofMillis(parsed.getLong(TIME_LIMIT_MS));
        this.statementLimit = parsed.getLong(STATEMENT_LIMIT);
        this.tombstones = Tombstones.valueOf(parsed.getString(TOMBSTONES).toUpperCase(Locale.ROOT));
        this.onError = OnError.valueOf(parsed.getString(ON_ERROR).toUpperCase(Locale.ROOT));
        this.dlqTopic = parsed.getString(DLQ_TOPIC);
        String servers = parsed.getString(DLQ_BOOTSTRAP_SERVERS);
        Map<String, Object> producer = new HashMap<>(parsed.originalsWithPrefix(DLQ_PRODUCER_PREFIX));
        if (onError == OnError.DLQ) {
            if (dlqTopic == null || dlqTopic.isBlank()) {
                throw new ConfigException(DLQ_TOPIC, dlqTopic, "must name the dead-letter topic when " + ON_ERROR + "=dlq");
            }
            if ((servers == null || servers.isBlank()) && !producer.containsKey("bootstrap.servers")) {
                throw new ConfigException(DLQ_BOOTSTRAP_SERVERS, servers, "must name the dead-letter topic's cluster"
                        + " (host:port,...) when " + ON_ERROR + "=dlq");
            }
        } else if (dlqTopic != null) {
            throw new ConfigException(DLQ_TOPIC, dlqTopic, "is only used with " + ON_ERROR + "=dlq, but " + ON_ERROR + " is "
                    + onError.id());
        }
        if (servers != null && !servers.isBlank()) {
            producer.put("bootstrap.servers", servers);
        }
        this.dlqProducer = Map.copyOf(producer);
        this.metricsConnector = parsed.getString(METRICS_CONNECTOR);
    }

    /**
     * Validates and parses connector properties.
     *
     * @throws ConfigException naming the key, the value and what was expected
     */
    static ChainTransformConfig parse(Map<String, ?> props) {
        return new ChainTransformConfig(new AbstractConfig(DEF, props, false));
    }

    /** The chain file, or null for an inline chain. */
    boolean watch() {
        return watch;
    }

    long watchDebounceMs() {
        return watchDebounceMs;
    }

    String watchTrustedKey() {
        return watchTrustedKey;
    }

    String watchStateDir() {
        return watchStateDir;
    }

    Path chainFile() {
        return chainFile;
    }

    /** The inline chain's YAML, or null for a chain file. */
    String chainInline() {
        return chainInline;
    }

    /** What an inline chain's script paths are relative to (absolute). */
    Path scriptsDir() {
        return scriptsDir;
    }

    /** The key and value a problem with the chain is reported under. */
    String chainKey() {
        return chainFile != null ? CHAIN_FILE : CHAIN_INLINE;
    }

    String chainValue() {
        return chainFile != null ? chainFile.toString() : chainInline;
    }

    Tombstones tombstones() {
        return tombstones;
    }

    OnError onError() {
        return onError;
    }

    /** The dead-letter topic, or null unless on.error=dlq. */
    String dlqTopic() {
        return dlqTopic;
    }

    /** Producer settings for the dead-letter topic: bootstrap.servers and every dlq.producer.* key without its prefix. */
    Map<String, Object> dlqProducer() {
        return dlqProducer;
    }

    /** The metrics' connector name when configured, else null. */
    String metricsConnector() {
        return metricsConnector;
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
