package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * On JDK 25 the test JVM runs Truffle with the optimizing Graal compiler (the root pom's
 * jdk25-jit profile sets surefire.argLine and -Dcatena.expect.jit=true), as ./catena does; on
 * JDK 21-24 it runs interpreted, and the engine must say so.
 */
class EnginesTest {

    @Test
    void implementationName_saysWhetherTheJitIsOn_asTheBuildConfiguredIt() {
        String name = Engines.implementationName(Language.JS);
        boolean expectJit = Boolean.getBoolean("catena.expect.jit");

        assertEquals(!expectJit, name.toLowerCase(java.util.Locale.ROOT).contains("interpreted"), name);
        assertEquals(!expectJit, Engines.isInterpreted(Engines.get(Language.JS)), name);
    }

    @Test
    void get_returnsOneSharedEnginePerLanguage() {
        assertSame(Engines.get(Language.JS), Engines.get(Language.JS));
    }
}
