package dev.catena.connect.it;

import static dev.catena.connect.it.TestClusters.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * What a consumer of a {@link SequenceSourceTask} topic has seen, for the hot-swap test: the
 * {@code version} each sequence number arrived with (every copy of it), and when the first record
 * of each version arrived ({@link System#nanoTime()} as the poll returned it).
 */
final class VersionedArrivals {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final int task;
    private final String prefix;
    /** seq to the versions of its copies, in arrival order. */
    private final TreeMap<Long, List<Long>> versions = new TreeMap<>();
    private final TreeMap<Long, Long> firstArrival = new TreeMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private int total;

    /** @param task the sequence source's task whose ids ({@code s<task>-<seq>}) are expected */
    VersionedArrivals(KafkaConsumer<byte[], byte[]> consumer, int task) {
        this.consumer = consumer;
        this.task = task;
        this.prefix = SequenceSourceTask.id(task, 0).replaceFirst("0$", "");
    }

    /** Polls once (returning as soon as records are there); returns the number of records seen so far. */
    int poll() {
        var records = consumer.poll(Duration.ofMillis(10));
        long now = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            total++;
            JsonNode value = TestClusters.parse(text(r.value()));
            String id = value.path("id").asText();
            if (!id.startsWith(prefix) || !value.path("version").isIntegralNumber() || !id.equals(text(r.key()))) {
                unreadable.add(text(r.key()) + " " + value);
                continue;
            }
            long version = value.path("version").asLong();
            versions.computeIfAbsent(Long.parseLong(id.substring(prefix.length())), k -> new ArrayList<>()).add(version);
            firstArrival.putIfAbsent(version, now);
        }
        return total;
    }

    /** When the first record of {@code version} arrived ({@link System#nanoTime()}), or null. */
    Long firstArrival(long version) {
        return firstArrival.get(version);
    }

    /** The highest sequence number seen, or -1. */
    long maxSeq() {
        return versions.isEmpty() ? -1 : versions.lastKey();
    }

    /** The lowest sequence number that arrived with {@code version}, or -1. */
    long firstSeqOf(long version) {
        return versions.entrySet().stream().filter(e -> e.getValue().contains(version)).mapToLong(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    /** Records seen with {@code version}. */
    long count(long version) {
        return versions.values().stream().flatMap(List::stream).filter(v -> v == version).count();
    }

    int total() {
        return total;
    }

    /** Every version seen. */
    Set<Long> versionsSeen() {
        return new TreeSet<>(firstArrival.keySet());
    }

    /** Sequence numbers from 0 to {@link #maxSeq()} that never arrived. */
    List<Long> missing() {
        List<Long> missing = new ArrayList<>();
        for (long seq = 0; seq <= maxSeq(); seq++) {
            if (!versions.containsKey(seq)) {
                missing.add(seq);
            }
        }
        return missing;
    }

    /** Sequence numbers that arrived more than once, with how often. */
    Map<Long, Integer> duplicates() {
        Map<Long, Integer> d = new TreeMap<>();
        versions.forEach((seq, vs) -> {
            if (vs.size() > 1) {
                d.put(seq, vs.size());
            }
        });
        return d;
    }

    /**
     * Records that do not fit one cut: every record before sequence number {@code cut} carries
     * {@code before}, every one from it on carries {@code after} (each copy of a duplicate too).
     */
    List<String> notCutAt(long cut, long before, long after) {
        List<String> wrong = new ArrayList<>();
        versions.forEach((seq, vs) -> {
            long expected = seq < cut ? before : after;
            if (vs.stream().anyMatch(v -> v != expected)) {
                wrong.add(SequenceSourceTask.id(task, seq) + " version " + vs + ", expected " + expected);
            }
        });
        return wrong;
    }

    /** Records that carry an older version than a record before them (each copy of a duplicate too). */
    List<String> versionGoingBack() {
        List<String> wrong = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (Map.Entry<Long, List<Long>> e : versions.entrySet()) {
            for (long v : e.getValue()) {
                if (v < newest) {
                    wrong.add(SequenceSourceTask.id(task, e.getKey()) + " version " + v + " after version " + newest);
                }
                newest = Math.max(newest, v);
            }
        }
        return wrong;
    }

    /** Records whose value or key was not a versioned sequence record. */
    List<String> unreadable() {
        return unreadable;
    }
}
