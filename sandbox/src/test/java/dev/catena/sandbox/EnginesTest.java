package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The test JVM runs Truffle with the optimizing Graal compiler (surefire.argLine), as ./catena does. */
class EnginesTest {

    @Test
    void implementationName_isNotInterpreted_becauseTheJitIsOn() {
        String name = Engines.implementationName(Language.JS);

        assertFalse(name.toLowerCase(java.util.Locale.ROOT).contains("interpreted"), name);
        assertFalse(Engines.isInterpreted(Engines.get(Language.JS)), name);
    }

    @Test
    void get_returnsOneSharedEnginePerLanguage() {
        assertSame(Engines.get(Language.JS), Engines.get(Language.JS));
    }
}
