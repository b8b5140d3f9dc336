package dev.catena.host.cli;

import dev.catena.bindings.CodecException;
import dev.catena.bindings.Message;
import dev.catena.bindings.json.JsonCodec;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.DeadLetter;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.RecordProcessor;
import dev.catena.host.exec.Trace;
import dev.catena.host.swap.ChainWatcher;
import dev.catena.host.swap.Signatures;
import picocli.CommandLine;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import dev.catena.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
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

    @Option(names = "--trace", description = "print on stderr, for each record, each step's decision and the record after it")
    boolean trace;

    @CommandLine.Mixin
    ChainOptions chainOptions;

    @Option(names = "--watch", description = "reload the chain when its files change (validated, versioned; see catena status)")
    boolean watch;

    @Option(names = "--follow", description = "keep reading the input file as it grows (with --watch, for a long-running run)")
    boolean follow;

    @Option(names = "--trusted-key", paramLabel = "FILE", description = "with --watch: only files signed with this Ed25519 public key load")
    Path trustedKey;

    @Override
    public Integer call() throws IOException {
        SandboxOptions sandbox = SandboxOptions.DEFAULT.withPoolSize(1).withTimeLimit(Duration.ofMillis(timeLimitMs));
        HostOptions options = chainOptions.apply(HostOptions.DEFAULT.withSandbox(sandbox));
        RecordProcessor chain;
        ChainWatcher watcher = null;
        try {
            if (watch) {
                watcher = ChainWatcher.open(chainFile, options, new ChainWatcher.Options(
                        trustedKey == null ? null : Signatures.readPublic(trustedKey), ChainOptions.stateDir(chainFile),
                        Duration.ofMillis(150), 20));
                watcher.watch();
                chain = watcher.live();
            } else {
                chain = ChainLoader.load(chainFile, options);
            }
        } catch (ChainLoadException e) {
            for (Problem p : e.problems()) {
                System.err.println(p);
            }
            System.err.println("catena: chain " + chainFile + " not started: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            return CatenaCli.CHAIN_INVALID;
        }
        Run run = new Run(chain, options);
        try (AutoCloseable closing = watcher != null ? watcher : chain;
             BufferedReader in = follow ? new FollowingReader(Path.of(input)) : reader(input);
             Writer out = writer(output);
             Writer dead = dlq == null ? null : Files.newBufferedWriter(dlq, StandardCharsets.UTF_8)) {
            run.out = out;
            run.dead = dead;
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    run.record(line, "input line " + lineNo);
                }
            }
            for (Outcome o : chain.flush()) {
                run.handle(o, null);
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        var s = chain.stats();
        if (!quiet) {
            System.err.println("catena: chain " + chain.name() + ": " + (s.in() + run.malformed) + " in, " + s.out() + " out, "
                    + s.dropped() + " dropped, " + run.deadLettered + " dead-lettered"
                    + (run.failedNoDlq > 0 ? ", " + run.failedNoDlq + " failed (no --dlq)" : "")
                    + (s.absorbed() > 0 ? ", " + s.absorbed() + " absorbed into " + s.released() + " released" : "")
                    + (run.malformed > 0 ? " (" + run.malformed + " malformed)" : ""));
            chain.memoStats().forEach((step, st) -> System.err.println("catena: memoize " + step + ": " + st.hitCount()
                    + " hits, " + st.missCount() + " misses, " + st.evictionCount() + " evictions"));
        }
        if (run.malformed > 0) {
            return CatenaCli.BAD_INPUT;
        }
        return run.failedNoDlq > 0 ? CatenaCli.RECORDS_FAILED : CatenaCli.OK;
    }

    /** One run's outputs and counts. */
    private final class Run {
        private final RecordProcessor chain;
        private final HostOptions options;
        private final JsonCodec codec = new JsonCodec();
        Writer out;
        Writer dead;
        long malformed;
        long failedNoDlq;
        long deadLettered;

        Run(RecordProcessor chain, HostOptions options) {
            this.chain = chain;
            this.options = options;
        }

        void record(String line, String origin) throws IOException {
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
                return;
            }
            Trace t = trace ? new Trace() : null;
            Outcome o = chain.apply(m, t);
            if (t != null) {
                System.err.println("trace " + origin + ":");
                t.events().forEach(System.err::println);
            }
            handle(o, t == null ? null : origin);
            for (Outcome released : chain.drain()) {
                handle(released, null);
            }
        }

        void handle(Outcome o, String origin) throws IOException {
            switch (o) {
                case Outcome.Emitted e -> {
                    for (Message m : e.messages()) {
                        writeLine(out, codec.encode(m.toBuilder().origin(null).build()));
                    if (follow) {
                        out.flush();
                    }
                    }
                    traceLine(origin, "emitted " + e.messages().size());
                }
                case Outcome.Dropped d -> traceLine(origin, "dropped by " + d.stepId());
                case Outcome.Absorbed a -> traceLine(origin, "absorbed by " + a.stepId());
                case Outcome.Failed f -> {
                    System.err.println("catena: " + f.failure().getMessage());
                    if (dead != null) {
                        writeLine(dead, codec.encode(DeadLetter.of(f.input(), f.failure(), options.clock().getAsLong())
                                .toBuilder().origin(null).build()));
                        deadLettered++;
                    } else {
                        failedNoDlq++;
                    }
                    traceLine(origin, "failed: " + f.failure().errorClass().id());
                }
            }
        }

        private void traceLine(String origin, String what) {
            if (origin != null) {
                System.err.println("  => " + what);
            }
        }
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
