package dev.catena.connect.parity;

import org.apache.kafka.connect.connector.ConnectRecord;

/** What a transform made of a record: a record, nothing (dropped), or an exception. */
sealed interface Outcome {
    record Emitted(ConnectRecord<?> record) implements Outcome {
    }

    record Dropped() implements Outcome {
    }

    record Failed(Throwable error) implements Outcome {
        @Override
        public String toString() {
            return "Failed[" + error.getClass().getSimpleName() + ": " + error.getMessage() + "]";
        }
    }

    /** The emitted record; fails the test with what happened instead. */
    default ConnectRecord<?> record() {
        if (this instanceof Emitted e) {
            return e.record();
        }
        throw new AssertionError("expected a record, got " + this);
    }
}
