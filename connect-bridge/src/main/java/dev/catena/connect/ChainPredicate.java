package dev.catena.connect;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A Catena condition as a Kafka Connect {@link Predicate}, for any transform's
 * {@code predicate} setting:
 *
 * <pre>
 * predicates=big
 * predicates.big.type=dev.catena.connect.ChainPredicate
 * predicates.big.condition={field: value.amount, gt: 100}
 * transforms.mask.predicate=big
 * </pre>
 *
 * <p>The condition is anything a chain's {@code when:} takes: built-in conditions evaluated in
 * Java, {@code {js: ...}} / {@code {py: ...}} expressions, or {@code {predicate: ...}}.
 *
 * <p>It is compiled as the one-step chain {@code [{id: condition, drop: true, when: <condition>}]}
 * and a record that this chain drops matches. The host has no public compiler for a lone
 * condition; going through a chain keeps every rule of {@code when:} (validation with
 * line:column, constant folding, sandbox pooling and limits, error classes) without duplicating
 * them, at the cost of one message conversion per test.
 */
public final class ChainPredicate<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {
    public static final String CONDITION = "condition";
    public static final String TIME_LIMIT_MS = "time.limit.ms";

    public static final String OVERVIEW_DOC = "Matches the records a Catena condition is true for.";

    /** The predicate's settings; rendered in docs/connect-config.md. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(CONDITION, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The condition, as YAML: anything a chain step's when: takes, e.g. {field: value.amount, gt: 100},"
                            + " {header: source, equals: web}, {js: \"msg.value.lines.length > 3\"}."
                            + " Problems are reported as condition:line:column.")
            .define(TIME_LIMIT_MS, Type.LONG, 2000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Wall time one JavaScript or Python condition may take, in milliseconds; a longer one fails the"
                            + " record with a RetriableException.");

    private static final String CHAIN_HEAD = "chain: predicate\nsteps:\n  - id: condition\n    drop: true\n    when:\n";
    /** Lines and columns the condition is moved by inside the one-step chain. */
    private static final int LINE_OFFSET = (int) CHAIN_HEAD.lines().count();
    private static final int INDENT = 6;

    private Chain chain;
    private RecordConverter converter;

    @Override
    public void configure(Map<String, ?> props) {
        AbstractConfig parsed = new AbstractConfig(CONFIG_DEF, props, false);
        String condition = parsed.getString(CONDITION);
        try {
            YamlNode.parse(condition, CONDITION);
        } catch (ChainLoadException e) {
            throw new ConfigException(CONDITION, condition, "must be a condition in YAML; " + e.getMessage());
        }
        HostOptions options = HostOptions.DEFAULT.withSandbox(HostOptions.DEFAULT.sandbox()
                .withPoolSize(1).withTimeLimit(Duration.ofMillis(parsed.getLong(TIME_LIMIT_MS))));
        Chain loaded;
        try {
            loaded = ChainLoader.fromText(chainText(condition), CONDITION, Path.of("").toAbsolutePath(), options);
        } catch (ChainLoadException e) {
            throw new ConfigException(CONDITION, condition, "must be a condition that compiles; " + inConditionTerms(e));
        }
        close();
        chain = loaded;
        converter = new RecordConverter();
    }

    static String chainText(String condition) {
        String pad = " ".repeat(INDENT);
        return CHAIN_HEAD + condition.lines().map(l -> pad + l).collect(Collectors.joining("\n")) + "\n";
    }

    /** The problems at their place in the condition text rather than in the one-step chain. */
    private static String inConditionTerms(ChainLoadException e) {
        var problems = e.problems().stream().map(p -> p.file().equals(CONDITION) && p.line() > LINE_OFFSET
                ? new Problem(p.file(), p.line() - LINE_OFFSET, Math.max(0, p.column() - INDENT), p.message()) : p).toList();
        return new ChainLoadException(problems).getMessage();
    }

    /**
     * Whether the condition is true for the record.
     *
     * @throws org.apache.kafka.connect.errors.DataException or {@code RetriableException} when it
     *         cannot be evaluated (a script error, a time-out), as {@link ChainTransform} throws
     */
    @Override
    public boolean test(R record) {
        if (chain == null) {
            throw new IllegalStateException("ChainPredicate is not configured: configure() was not called, or close() was");
        }
        Message m = converter.toMessage(record);
        return switch (chain.apply(m)) {
            case Outcome.Dropped dropped -> true;
            case Outcome.Emitted emitted -> false;
            case Outcome.Failed failed -> throw ChainTransform.asConnectException(failed.failure());
            case Outcome.Absorbed absorbed -> throw new IllegalStateException("a condition absorbed a record");
        };
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return ChainTransform.projectVersion();
    }

    @Override
    public void close() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
    }
}
