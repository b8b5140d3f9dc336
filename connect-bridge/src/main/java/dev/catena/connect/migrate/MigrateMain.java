package dev.catena.connect.migrate;

import dev.catena.connect.ChainTransform;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code catena migrate FILE}: turns a connector's {@code transforms.*} / {@code predicates.*}
 * settings into an equivalent Catena chain of {@code smt:} steps, then runs sample records through
 * both and reports whether they agree.
 *
 * <pre>
 * catena migrate orders-sink.properties --output orders.yaml
 * catena migrate orders-sink.json --records samples.jsonl > orders.yaml
 * </pre>
 *
 * <p>The chain goes to {@code --output} or stdout; the parity report to stdout when the chain went
 * to a file, else to stderr. Exit codes: 0 the chain was written and every record agreed (or
 * {@code --no-check}); 1 some records differ; 2 the config, the records or an option is invalid,
 * or a transform cannot be created; 3 the generated chain does not load.
 */
@Command(name = "catena migrate", mixinStandardHelpOptions = true, version = "catena migrate 0.1.0", exitCodeOnInvalidInput = 2,
        description = "Writes a Catena chain equivalent to a connector's SMTs and checks it on sample records.")
public final class MigrateMain implements Callable<Integer> {
    static final int OK = 0;
    static final int DIFFERENT = 1;
    static final int BAD_INPUT = 2;
    static final int CHAIN_INVALID = 3;

    @Parameters(index = "0", paramLabel = "FILE", description = "Connector config: .properties, or JSON ({\"name\", \"config\"} or the config object).")
    Path config;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the chain here instead of stdout.")
    Path output;

    @Option(names = "--records", paramLabel = "FILE", description = "JSON Lines envelopes to compare on (default: five generated records).")
    Path records;

    @Option(names = "--name", paramLabel = "NAME", description = "The chain's name (default: the connector's name, else the file name).")
    String name;

    @Option(names = "--no-check", description = "Only write the chain; do not run the records.")
    boolean noCheck;

    private final PrintStream out;
    private final PrintStream err;

    private MigrateMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command without exiting the JVM. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new MigrateMain(out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        ConnectorTransforms transforms;
        List<SampleRecords.Sample> samples;
        try {
            transforms = ConnectorTransforms.parse(Files.readString(config, StandardCharsets.UTF_8));
            samples = noCheck ? List.of() : samples(transforms);
        } catch (NoSuchFileException e) {
            err.println("catena migrate: no such file: " + e.getFile());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("catena migrate: cannot read " + e.getMessage());
            return BAD_INPUT;
        } catch (ConnectorTransforms.InvalidConfig e) {
            err.println("catena migrate: " + config + ": " + e.getMessage());
            return BAD_INPUT;
        }
        String chainName = name != null ? name : transforms.name() != null ? transforms.name()
                : config.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String yaml = ChainYaml.of(transforms, chainName, config.getFileName().toString());
        try {
            if (output != null) {
                Files.writeString(output, yaml, StandardCharsets.UTF_8);
            } else {
                out.print(yaml);
                out.flush();
            }
        } catch (IOException e) {
            err.println("catena migrate: cannot write " + output + ": " + e.getMessage());
            return BAD_INPUT;
        }
        return noCheck ? OK : check(transforms, yaml, samples);
    }

    private List<SampleRecords.Sample> samples(ConnectorTransforms transforms) throws IOException, ConnectorTransforms.InvalidConfig {
        String topic = transforms.topics().isEmpty() ? "orders" : transforms.topics().get(0);
        if (records == null) {
            return SampleRecords.generated(topic);
        }
        try {
            return SampleRecords.read(Files.readAllLines(records, StandardCharsets.UTF_8), topic);
        } catch (ConnectorTransforms.InvalidConfig e) {
            throw new ConnectorTransforms.InvalidConfig("--records " + records + ": " + e.getMessage());
        }
    }

    private int check(ConnectorTransforms transforms, String yaml, List<SampleRecords.Sample> samples) {
        PrintStream report = output != null ? out : err;
        try (SmtPipeline smts = new SmtPipeline(transforms)) {
            ChainTransform<SinkRecord> chain = new ChainTransform<>();
            try {
                chain.configure(Map.of("chain.inline", yaml, "tombstones", "apply", "metrics.connector", "catena-migrate"));
            } catch (ConfigException e) {
                err.println("catena migrate: the generated chain does not load: " + e.getMessage());
                return CHAIN_INVALID;
            }
            try {
                ParityCheck.Report r = new ParityCheck().run(smts, chain, samples);
                report.print(r.render());
                report.flush();
                return r.parity() ? OK : DIFFERENT;
            } finally {
                chain.close();
            }
        } catch (ConnectorTransforms.InvalidConfig e) {
            err.println("catena migrate: " + config + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
