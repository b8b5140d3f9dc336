package dev.catena.host.cli;

import dev.catena.sandbox.Engines;
import dev.catena.sandbox.Language;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code catena info}: the runtime Catena runs on (Java, GraalVM engines, optimizing compiler or not). */
@Command(name = "info", description = "Print the Java and GraalVM runtime Catena uses, and whether the optimizing compiler is on.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("java: " + System.getProperty("java.vm.name") + " " + Runtime.version());
        for (Language l : Language.values()) {
            System.out.println(l.displayName() + " engine: " + Engines.implementationName(l));
        }
        return CatenaCli.OK;
    }
}
