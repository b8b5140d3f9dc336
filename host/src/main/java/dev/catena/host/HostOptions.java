package dev.catena.host;

import dev.catena.sandbox.SandboxOptions;
import java.util.function.LongSupplier;

/**
 * How a chain is hosted. {@link #DEFAULT} is the recommended preset.
 *
 * @param sandbox  pool sizes and limits for script steps
 * @param clock    epoch-millis clock for {@code ctx.now()} (injectable for tests)
 */
public record HostOptions(SandboxOptions sandbox, LongSupplier clock) {
    public static final HostOptions DEFAULT = new HostOptions(SandboxOptions.DEFAULT, System::currentTimeMillis);

    public HostOptions withSandbox(SandboxOptions s) {
        return new HostOptions(s, clock);
    }
}
