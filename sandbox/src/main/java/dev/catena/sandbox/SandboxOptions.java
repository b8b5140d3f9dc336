package dev.catena.sandbox;

import java.time.Duration;

/**
 * Limits and pool sizes, immutable. {@link #DEFAULT} is the recommended preset.
 *
 * @param poolSize        contexts per language (each serves one thread at a time)
 * @param prewarm         create the pool's contexts at start rather than on first use
 * @param timeLimit       wall time per call before the watchdog interrupts it
 * @param interruptGrace  how long an interrupt may take before the context is closed by force
 * @param statementLimit  statements per call for JavaScript (0: none). Not applied to Python:
 *                        GraalPy 25 counts it per line and fails internally when it fires
 * @param maxRecordBytes  largest record (estimated serialized size) handed to a script
 * @param maxOutputBytes  largest output (estimated) a script may return
 */
public record SandboxOptions(
        int poolSize,
        boolean prewarm,
        Duration timeLimit,
        Duration interruptGrace,
        long statementLimit,
        long maxRecordBytes,
        long maxOutputBytes) {

    public static final SandboxOptions DEFAULT = new SandboxOptions(
            Math.max(1, Runtime.getRuntime().availableProcessors()), true, Duration.ofSeconds(2),
            Duration.ofMillis(500), 10_000_000L, 8L << 20, 16L << 20);

    public SandboxOptions {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        if (statementLimit < 0) {
            throw new IllegalArgumentException("statementLimit must be >= 0, got " + statementLimit);
        }
    }

    public SandboxOptions withTimeLimit(Duration d) {
        return new SandboxOptions(poolSize, prewarm, d, interruptGrace, statementLimit, maxRecordBytes, maxOutputBytes);
    }

    public SandboxOptions withPoolSize(int n) {
        return new SandboxOptions(n, prewarm, timeLimit, interruptGrace, statementLimit, maxRecordBytes, maxOutputBytes);
    }

    public SandboxOptions withStatementLimit(long n) {
        return new SandboxOptions(poolSize, prewarm, timeLimit, interruptGrace, n, maxRecordBytes, maxOutputBytes);
    }

    public SandboxOptions withPrewarm(boolean p) {
        return new SandboxOptions(poolSize, p, timeLimit, interruptGrace, statementLimit, maxRecordBytes, maxOutputBytes);
    }

    public SandboxOptions withMaxOutputBytes(long n) {
        return new SandboxOptions(poolSize, prewarm, timeLimit, interruptGrace, statementLimit, maxRecordBytes, n);
    }

    public SandboxOptions withMaxRecordBytes(long n) {
        return new SandboxOptions(poolSize, prewarm, timeLimit, interruptGrace, statementLimit, n, maxOutputBytes);
    }
}
