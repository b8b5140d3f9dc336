package dev.catena.host.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code catena}: run and check chains from the command line.
 *
 * <pre>
 * catena run samples/orders/chain.yaml --input samples/orders/input.jsonl
 * catena validate samples/orders/chain.yaml
 * </pre>
 */
@Command(name = "catena", mixinStandardHelpOptions = true, version = "catena 0.1.0",
        description = "Chains of sandboxed JavaScript and Python message transforms.",
        subcommands = {RunCommand.class, ValidateCommand.class, InfoCommand.class, StatusCommand.class,
                ControlCommand.Rollback.class, ControlCommand.Promote.class, SignCommand.Sign.class, SignCommand.Keygen.class})
public final class CatenaCli implements Runnable {

    /** Exit codes, documented in the README. */
    static final int OK = 0;
    static final int RECORDS_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int CHAIN_INVALID = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, validate or info");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI without exiting the JVM (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new CatenaCli()).execute(args);
    }
}
