package dev.catena.host.exec;

import java.time.Duration;

/** Waits between retry attempts; tests inject one that only advances a fake clock. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    };

    void sleep(Duration d);
}
