package dev.catena.host;

import dev.catena.host.exec.FileSource;
import dev.catena.host.exec.Sleeper;
import dev.catena.host.exec.Template;
import dev.catena.host.spi.StepListener;
import dev.catena.sandbox.SandboxOptions;
import java.util.function.LongSupplier;

/**
 * How a chain is hosted. {@link #DEFAULT} is the recommended preset.
 *
 * @param sandbox  pool sizes and limits for script steps
 * @param clock    epoch-millis clock for {@code ctx.now()}, retries, windows and caches (injectable for tests)
 * @param sleeper  waits between retry attempts (tests inject one that advances their clock)
 * @param fuse     run adjacent plain script steps of one language as one guest call
 * @param files    how chain and script files are read
 * @param template values for {@code ${param}} and {@code ${env:NAME}} in chain files, and the profile
 * @param steps    told how every top-level step went for each record (per-step metrics)
 */
public record HostOptions(SandboxOptions sandbox, LongSupplier clock, Sleeper sleeper, boolean fuse, FileSource files,
        Template template, StepListener steps) {
    public static final HostOptions DEFAULT = new HostOptions(SandboxOptions.DEFAULT, System::currentTimeMillis, Sleeper.SYSTEM, true,
            FileSource.PLAIN, Template.DEFAULT, StepListener.NONE);

    public HostOptions withStepListener(StepListener l) {
        return new HostOptions(sandbox, clock, sleeper, fuse, files, template, l);
    }

    public HostOptions withSandbox(SandboxOptions s) {
        return new HostOptions(s, clock, sleeper, fuse, files, template, steps);
    }

    public HostOptions withClock(LongSupplier c, Sleeper s) {
        return new HostOptions(sandbox, c, s, fuse, files, template, steps);
    }

    public HostOptions withFusion(boolean f) {
        return new HostOptions(sandbox, clock, sleeper, f, files, template, steps);
    }

    public HostOptions withFiles(FileSource f) {
        return new HostOptions(sandbox, clock, sleeper, fuse, f, template, steps);
    }

    public HostOptions withTemplate(Template t) {
        return new HostOptions(sandbox, clock, sleeper, fuse, files, t, steps);
    }
}
