package dev.catena.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Schemaless source records through a JavaScript step (chains/enrich.yaml). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainTransformSchemalessTest {
    private static final Map<String, ?> SOURCE_PARTITION = Map.of("file", "orders.csv");
    private static final Map<String, ?> SOURCE_OFFSET = Map.of("line", 7L);

    private final ChainTransform<SourceRecord> transform = TestChains.transform("enrich.yaml");

    @AfterAll
    void close() {
        transform.close();
    }

    private static SourceRecord order(Map<String, Object> value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("source", "web");
        headers.addString("trace", "abc-1");
        return new SourceRecord(SOURCE_PARTITION, SOURCE_OFFSET, "orders", 0, null, "c7", null, value, 1764806400000L, headers);
    }

    private static Map<String, Object> value(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void apply_changesValueKeyAndHeaders_whenScriptSetsThem() {
        SourceRecord out = transform.apply(order(value("id", 7, "amount", 120.5, "lines", List.of(Map.of("sku", "pen")))));

        assertEquals("orders", out.topic());
        assertEquals(0, out.kafkaPartition());
        assertEquals(1764806400000L, out.timestamp());
        assertSame(SOURCE_PARTITION, out.sourcePartition());
        assertSame(SOURCE_OFFSET, out.sourceOffset());
        assertNull(out.keySchema());
        assertEquals("customer-c7", out.key());
        assertNull(out.valueSchema());
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) out.value();
        assertEquals(List.of("id", "amount", "lines", "region", "source"), new ArrayList<>(v.keySet()));
        assertEquals(value("id", 7L, "amount", 120.5, "lines", List.of(Map.of("sku", "pen")), "region", "eu", "source", "web"), v);

        List<String> headers = new ArrayList<>();
        for (Header h : out.headers()) {
            headers.add(h.key() + "=" + h.value() + ":" + h.schema().type());
        }
        assertEquals(List.of("source=web:STRING", "enriched-by=eu:STRING"), headers);
    }

    @Test
    void apply_routesToOtherTopic_whenScriptSetsTopic() {
        SourceRecord out = transform.apply(order(value("id", 8, "vip", true)));

        assertEquals("vip-orders", out.topic());
        assertEquals(0, out.kafkaPartition());
    }

    @Test
    void apply_returnsNull_whenScriptDropsRecord() {
        assertNull(transform.apply(order(value("id", 9, "drop", true))));
    }

    @Test
    void apply_returnsTombstoneUnchanged_whenValueIsNull() {
        SourceRecord tombstone = new SourceRecord(SOURCE_PARTITION, SOURCE_OFFSET, "orders", 0, Schema.STRING_SCHEMA, "c7",
                null, null);

        assertSame(tombstone, transform.apply(tombstone));
    }

    @Test
    void apply_runsChainOnTombstone_whenTombstonesIsApply() {
        SourceRecord tombstone = new SourceRecord(SOURCE_PARTITION, SOURCE_OFFSET, "orders", 0, Schema.STRING_SCHEMA, "c7",
                null, null);
        ChainTransform<SourceRecord> applying = TestChains.transform("enrich.yaml", "tombstones", "apply");
        try {
            SourceRecord out = applying.apply(tombstone);

            assertNull(out.value());
            assertSame(Schema.STRING_SCHEMA, out.keySchema());
            assertEquals("c7", out.key());
            assertEquals("true", out.headers().lastWithName("deleted").value());
        } finally {
            applying.close();
        }
    }
}
