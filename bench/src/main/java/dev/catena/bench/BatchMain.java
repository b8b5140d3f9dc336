package dev.catena.bench;

import java.util.List;
import org.openjdk.jmh.runner.Runner;

/** {@code bench/run batch}: {@link BatchBench} on the optimizing runtime, and its table. */
public final class BatchMain {
    private BatchMain() {
    }

    public static void main(String[] args) throws Exception {
        var results = new Runner(SuiteMain.batchOptions(List.of(args).contains("--quick")).build()).run();
        System.out.println();
        SuiteMain.batchReport(results).forEach(System.out::println);
    }
}
