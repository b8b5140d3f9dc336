package dev.catena.host.cli;

import dev.catena.host.swap.Signatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code catena sign --key PRIVATE FILE...} and {@code catena keygen DIR}: detached Ed25519 signatures for chain and script files. */
final class SignCommand {
    private SignCommand() {
    }

    @Command(name = "sign", description = "Write FILE.sig, an Ed25519 signature of each FILE (chains, scripts, overlays, fixtures).")
    static final class Sign implements Callable<Integer> {
        @Option(names = "--key", required = true, paramLabel = "PRIVATE", description = "private key file from catena keygen")
        Path key;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            PrivateKey k = Signatures.readPrivate(key);
            for (Path f : files) {
                System.out.println("signed " + f + " -> " + Signatures.sign(k, f));
            }
            return CatenaCli.OK;
        }
    }

    @Command(name = "keygen", description = "Create an Ed25519 key pair: DIR/catena.pub (trust it with --trusted-key) and DIR/catena.key.")
    static final class Keygen implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(dir);
            Signatures.writeKeys(Signatures.generate(), dir.resolve("catena.pub"), dir.resolve("catena.key"));
            System.out.println("wrote " + dir.resolve("catena.pub") + " and " + dir.resolve("catena.key") + " (keep the .key private)");
            return CatenaCli.OK;
        }
    }
}
