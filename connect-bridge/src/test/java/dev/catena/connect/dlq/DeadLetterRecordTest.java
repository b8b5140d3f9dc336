package dev.catena.connect.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;
import dev.catena.host.DeadLetter;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.sandbox.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The Kafka record a failed Connect record becomes on the dead-letter topic. */
class DeadLetterRecordTest {
    private static final StepFailure FAILURE = new StepFailure("orders", "total", ErrorClass.TIMEOUT,
            new SourceLocation("steps/total.js", 3, 17), "topic orders partition 1 offset 9", "time limit exceeded", null)
            .withAttempts(3);

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void of_keepsRecordHeadersFirst_thenErrorHeaders_thenOrigin() {
        Message in = Message.builder().topic("orders").partition(1).offset(9L).timestamp(5L).key(Map.of("id", 3L))
                .value(Map.of("qty", 2L))
                .headers(Headers.EMPTY.with("trace", "t-1").with("attempt", 2L).with("raw", new byte[] {1, 2}))
                .build();
        SinkRecord original = new SinkRecord("orders", 1, null, null, null, null, 9L);

        ProducerRecord<byte[], byte[]> r = DeadLetterRecord.of("orders-dlq", DeadLetter.of(in, FAILURE, 1234L), original);

        List<String> names = new ArrayList<>();
        for (Header h : r.headers()) {
            names.add(h.key());
        }
        assertEquals(List.of("trace", "attempt", "raw", "catena.error.chain", "catena.error.step", "catena.error.class",
                "catena.error.message", "catena.error.location", "catena.error.attempts", "catena.error.record",
                "catena.error.time", "catena.error.topic", "catena.error.partition", "catena.error.offset"), names);
        assertEquals("t-1", text(r.headers().lastHeader("trace").value()));
        assertEquals("2", text(r.headers().lastHeader("attempt").value()));
        assertArrayEquals(new byte[] {1, 2}, r.headers().lastHeader("raw").value());
        assertEquals("timeout", text(r.headers().lastHeader("catena.error.class").value()));
        assertEquals("steps/total.js:3:17", text(r.headers().lastHeader("catena.error.location").value()));
        assertEquals("3", text(r.headers().lastHeader("catena.error.attempts").value()));
        assertEquals("1234", text(r.headers().lastHeader("catena.error.time").value()));
        assertEquals("{\"id\":3}", text(r.key()));
        assertEquals("{\"qty\":2}", text(r.value()));
        assertEquals("orders-dlq", r.topic());
        assertNull(r.partition());
    }

    @Test
    void of_keepsNullKeyAndTombstoneValue_asNull() {
        Message in = Message.builder().topic("orders").build();

        ProducerRecord<byte[], byte[]> r = DeadLetterRecord.of("d", DeadLetter.of(in, FAILURE, 0L),
                new SinkRecord("orders", 0, null, null, null, null, 1L));

        assertNull(r.key());
        assertNull(r.value());
        assertNull(r.timestamp());
    }
}
