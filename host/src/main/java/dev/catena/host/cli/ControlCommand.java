package dev.catena.host.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code catena rollback CHAIN [--to VERSION]} and {@code catena promote CHAIN}: commands to a running, watched chain. */
final class ControlCommand {
    private ControlCommand() {
    }

    static int send(Path chainFile, Path stateDir, Map<String, Object> command) throws IOException {
        Path dir = stateDir != null ? stateDir : ChainOptions.stateDir(chainFile);
        if (!Files.exists(dir.resolve("status.json"))) {
            System.err.println("catena: " + chainFile + " is not running with --watch (no " + dir.resolve("status.json") + ")");
            return CatenaCli.RECORDS_FAILED;
        }
        Path tmp = dir.resolve("control.json.tmp");
        Files.writeString(tmp, new ObjectMapper().writeValueAsString(command));
        Files.move(tmp, dir.resolve("control.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("catena: sent " + command + " to " + chainFile + "; see catena status");
        return CatenaCli.OK;
    }

    @Command(name = "rollback", description = "Make a watched chain go back to its previous version, or to --to VERSION.")
    static final class Rollback implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CHAIN")
        Path chainFile;

        @Option(names = "--to", paramLabel = "VERSION", description = "version id from catena status (default: the previous one)")
        String to;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "the watched chain's state directory (see catena status)")
        Path stateDir;

        @Override
        public Integer call() throws IOException {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("command", "rollback");
            if (to != null) {
                c.put("to", to);
            }
            return send(chainFile, stateDir, c);
        }
    }

    @Command(name = "promote", description = "Make a watched chain's canary or shadow version the only one.")
    static final class Promote implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CHAIN")
        Path chainFile;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "the watched chain's state directory (see catena status)")
        Path stateDir;

        @Override
        public Integer call() throws IOException {
            return send(chainFile, stateDir, Map.of("command", "promote"));
        }
    }
}
