package dev.catena.host.cli;

import dev.catena.bindings.CodecException;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.DeadLetter;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code catena run CHAIN [--input FILE|-] [--output FILE|-] [--dlq FILE]}: runs a chain over
 * JSON Lines, one record per line, in order. Failed records go to the dead-letter file with
 * error headers; without one, the run reports them and exits 1. Malformed lines are reported
 * with their line number, dead-lettered, and make the run exit 2. Every record is accounted
 * for in the summary on stderr: in = out + dropped + dead-lettered (+ failed).
 */
@Command(name = "run", description = "Run a chain over JSON Lines (envelopes or bare values).")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHAIN", description = "chain file (YAML)")
    Path chainFile;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE|-", defaultValue = "-", description = "JSON Lines input (default: stdin)")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-", description = "JSON Lines output (default: stdout)")
    String output;

    @Option(names = "--dlq", paramLabel = "FILE", description = "dead-letter file for failed and malformed records")
    Path dlq;

    @Option(names = "--time-limit", paramLabel = "MS", defaultValue = "2000", description = "wall-time limit per script call, ms (default: ${DEFAULT-VALUE})")
    long timeLimitMs;

    @Option(names = "--quiet", description = "no summary line on stderr")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        SandboxOptions sandbox = SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofMillis(timeLimitMs));
        HostOptions options = HostOptions.DEFAULT.withSandbox(sandbox);
        Chain chain;
        try {
            chain = ChainLoader.load(chainFile, options);
        } catch (ChainLoadException e) {
            for (Problem p : e.problems()) {
                System.err.println(p);
            }
            System.err.println("catena: chain " + chainFile + " not started: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            return CatenaCli.CHAIN_INVALID;
        }
        JsonCodec codec = new JsonCodec();
        long lineNo = 0;
        long malformed = 0;
        long failedNoDlq = 0;
        long deadLettered = 0;
        try (chain;
             BufferedReader in = reader(input);
             Writer out = writer(output);
             Writer dead = dlq == null ? null : Files.newBufferedWriter(dlq, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String origin = "input line " + lineNo;
                Message m;
                try {
                    m = codec.decode(line, origin);
                } catch (CodecException e) {
                    malformed++;
                    System.err.println("catena: chain " + chain.name() + ", " + e.getMessage());
                    if (dead != null) {
                        writeLine(dead, codec.encode(DeadLetter.undecodable(chain.name(), line, origin, e.getMessage(),
                                options.clock().getAsLong())));
                        deadLettered++;
                    }
                    continue;
                }
                switch (chain.apply(m)) {
                    case Outcome.Emitted e -> {
                        for (Message o : e.messages()) {
                            writeLine(out, codec.encode(o.toBuilder().origin(null).build()));
                        }
                    }
                    case Outcome.Dropped d -> { }
                    case Outcome.Failed f -> {
                        System.err.println("catena: " + f.failure().getMessage());
                        if (dead != null) {
                            writeLine(dead, codec.encode(DeadLetter.of(f.input(), f.failure(), options.clock().getAsLong())
                                    .toBuilder().origin(null).build()));
                            deadLettered++;
                        } else {
                            failedNoDlq++;
                        }
                    }
                }
            }
            out.flush();
        }
        var s = chain.stats();
        if (!quiet) {
            PrintStream err = System.err;
            err.println("catena: chain " + chain.name() + ": " + (s.in() + malformed) + " in, " + s.out() + " out, "
                    + s.dropped() + " dropped, " + deadLettered + " dead-lettered"
                    + (failedNoDlq > 0 ? ", " + failedNoDlq + " failed (no --dlq)" : "")
                    + (malformed > 0 ? " (" + malformed + " malformed)" : ""));
        }
        if (malformed > 0) {
            return CatenaCli.BAD_INPUT;
        }
        return failedNoDlq > 0 ? CatenaCli.RECORDS_FAILED : CatenaCli.OK;
    }

    private static void writeLine(Writer w, String s) throws IOException {
        w.write(s);
        w.write('\n');
    }

    private static BufferedReader reader(String name) throws IOException {
        return "-".equals(name)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8);
    }

    private static Writer writer(String name) throws IOException {
        return "-".equals(name)
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }
                : Files.newBufferedWriter(Path.of(name), StandardCharsets.UTF_8);
    }
}
