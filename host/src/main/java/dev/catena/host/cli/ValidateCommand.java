package dev.catena.host.cli;

import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code catena validate CHAIN}: parse, compile every script, report every problem. */
@Command(name = "validate", description = "Parse a chain and compile every script; report every problem with file:line:column.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHAIN", description = "chain file (YAML)")
    Path chainFile;

    @picocli.CommandLine.Mixin
    ChainOptions chainOptions;

    @Override
    public Integer call() {
        try (Chain chain = ChainLoader.load(chainFile, chainOptions.apply(HostOptions.DEFAULT.withSandbox(
                HostOptions.DEFAULT.sandbox().withPoolSize(1).withPrewarm(false))))) {
            System.out.println("chain " + chain.name() + " (" + chainFile + "): ok, " + chain.steps().size() + " top-level steps");
            return CatenaCli.OK;
        } catch (ChainLoadException e) {
            for (Problem p : e.problems()) {
                System.err.println(p);
            }
            System.err.println("chain " + chainFile + ": " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            return CatenaCli.CHAIN_INVALID;
        }
    }
}
