package dev.catena.sandbox;

import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * One shared {@link Engine} per language for the whole JVM, so that every context of every
 * chain shares parsed and compiled code.
 */
public final class Engines {
    private static final Logger LOG = Logger.getLogger(Engines.class.getName());
    private static final Map<Language, Engine> ENGINES = new EnumMap<>(Language.class);
    private static boolean warned;

    private Engines() {
    }

    /** The shared engine for a language, created on first use. */
    public static synchronized Engine get(Language language) {
        return ENGINES.computeIfAbsent(language, Engines::create);
    }

    private static Engine create(Language language) {
        Engine engine = Engine.newBuilder(language.id())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        if (isInterpreted(engine) && !warned) {
            warned = true;
            LOG.warning(() -> "GraalVM runs " + language.displayName() + " scripts interpreter-only (" + engine.getImplementationName()
                    + "), several times slower. Start the JVM on JDK 25 with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
                    + " --upgrade-module-path=<compiler, word, collections, truffle-compiler jars> (./catena does so; in Kafka"
                    + " Connect set KAFKA_OPTS and remove truffle-compiler-*.jar from the plugin directory:"
                    + " see connect-bridge/README.md, 'Compiled scripts').");
        }
        return engine;
    }

    /** Whether scripts run without the optimizing compiler. */
    public static boolean isInterpreted(Engine engine) {
        return engine.getImplementationName().toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }

    /** Engine implementation name for a language ("Interpreted" when the optimizing runtime is off). */
    public static String implementationName(Language language) {
        return get(language).getImplementationName();
    }
}
