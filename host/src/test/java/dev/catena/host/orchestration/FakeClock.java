package dev.catena.host.orchestration;

import dev.catena.host.exec.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** An epoch-millis clock that only moves when told to; as a sleeper it records each wait and advances by it. */
final class FakeClock implements LongSupplier, Sleeper {
    private final AtomicLong now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    @Override
    public long getAsLong() {
        return now.get();
    }

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
        now.addAndGet(d.toMillis());
    }

    void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }

    /** The waits asked for so far, in milliseconds. */
    List<Long> sleptMillis() {
        return sleeps.stream().map(Duration::toMillis).toList();
    }
}
