package dev.catena.host.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code catena status CHAIN}: the running version, staged version, history and last refusal of a watched chain. */
@Command(name = "status", description = "Show the version a watched chain (catena run --watch) runs, its history and last refused change.")
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHAIN", description = "chain file")
    Path chainFile;

    @picocli.CommandLine.Option(names = "--state-dir", paramLabel = "DIR",
            description = "the watched chain's state directory (default .catena/<chain>/ beside it; a Connect task's is .catena/<chain>/connect-<id>/)")
    Path stateDir;

    @Override
    public Integer call() throws IOException {
        Path dir = stateDir != null ? stateDir : ChainOptions.stateDir(chainFile);
        Path status = dir.resolve("status.json");
        if (!Files.exists(status)) {
            System.err.println("catena: no status for " + chainFile + " (is it running with --watch?)");
            return CatenaCli.RECORDS_FAILED;
        }
        System.out.println(Files.readString(status));
        Path audit = dir.resolve("audit.jsonl");
        if (Files.exists(audit)) {
            var lines = Files.readAllLines(audit);
            System.out.println("last audit entries:");
            lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> System.out.println("  " + l));
        }
        return CatenaCli.OK;
    }
}
