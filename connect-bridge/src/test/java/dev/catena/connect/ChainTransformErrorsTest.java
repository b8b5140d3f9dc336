package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Step failures become the exceptions Connect's error handling acts on (chains/faulty.yaml). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainTransformErrorsTest {
    private final ChainTransform<SinkRecord> transform =
            TestChains.transform("faulty.yaml", "time.limit.ms", "300", "statement.limit", "0");

    @AfterAll
    void close() {
        transform.close();
    }

    private static SinkRecord order(Map<String, Object> value) {
        return new SinkRecord("orders", 3, null, "o-1", null, value, 42L);
    }

    @Test
    void apply_throwsDataExceptionNamingScriptLineAndRecord_whenScriptThrows() {
        DataException e = assertThrows(DataException.class, () -> transform.apply(order(Map.of("id", 7, "explode", true))));

        assertTrue(e.getMessage().startsWith("chain faulty, step boom ("), e.getMessage());
        assertTrue(e.getMessage().contains("steps/boom.js:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("topic orders partition 3 offset 42: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Error: cannot price order 7"), e.getMessage());
        assertEquals(ErrorClass.SCRIPT_ERROR, assertInstanceOf(StepFailure.class, e.getCause()).errorClass());
    }

    @Test
    void apply_throwsRetriableException_whenStepTimesOut_andNextRecordStillWorks() {
        RetriableException e = assertThrows(RetriableException.class, () -> transform.apply(order(Map.of("spin", true))));

        assertTrue(e.getMessage().startsWith("chain faulty, step spin ("), e.getMessage());
        assertTrue(e.getMessage().contains("steps/spin.js:3:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("time limit exceeded: the call was stopped"), e.getMessage());
        assertEquals(ErrorClass.TIMEOUT, assertInstanceOf(StepFailure.class, e.getCause()).errorClass());
        assertEquals(Map.of("id", 8L, "done", true), transform.apply(order(Map.of("id", 8))).value());
    }

    @Test
    void apply_throwsDataException_whenStepExceedsStatementLimit() {
        ChainTransform<SinkRecord> limited = TestChains.transform("faulty.yaml", "statement.limit", "10000");
        try {
            DataException e = assertThrows(DataException.class, () -> limited.apply(order(Map.of("spin", true))));

            assertEquals(ErrorClass.SANDBOX_VIOLATION, assertInstanceOf(StepFailure.class, e.getCause()).errorClass());
            assertTrue(e.getMessage().startsWith("chain faulty, step spin ("), e.getMessage());
            assertTrue(e.getMessage().contains("steps/spin.js:3:"), e.getMessage());
        } finally {
            limited.close();
        }
    }
}
