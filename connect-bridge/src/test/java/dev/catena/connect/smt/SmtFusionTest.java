package dev.catena.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.step.Step;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adjacent {@code smt:} steps fused into one run give what the same steps give one by one, and a
 * failure or a drop in the middle of the run still names its step.
 */
class SmtFusionTest {
    private static final String CHAIN = """
            chain: c
            steps:
              - {id: add, smt: org.apache.kafka.connect.transforms.InsertField$Value, config: {static.field: source, static.value: web}}
              - {id: rename, smt: org.apache.kafka.connect.transforms.ReplaceField$Value, config: {renames: "qty:quantity"}}
              - {id: check, smt: dev.catena.connect.fixtures.FailingTransformation}
              - {id: mask, smt: org.apache.kafka.connect.transforms.MaskField$Value, config: {fields: card}}
              - {id: cast, smt: org.apache.kafka.connect.transforms.Cast$Value, config: {spec: "price:string,quantity:int32"}}
              - {id: drop-eu, smt: org.apache.kafka.connect.transforms.Filter, when: {field: value.region, equals: eu}}
              - {id: route, smt: org.apache.kafka.connect.transforms.RegexRouter, config: {regex: "orders-(.*)", replacement: "routed-$1"}}
            """;

    private static final HostOptions UNFUSED = new HostOptions(HostOptions.DEFAULT.sandbox(), HostOptions.DEFAULT.clock(),
            HostOptions.DEFAULT.sleeper(), false, HostOptions.DEFAULT.files(), HostOptions.DEFAULT.template(), HostOptions.DEFAULT.steps());

    private static Message order(long i, String region, boolean fail) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "o-" + i);
        v.put("qty", i % 5 + 1);
        v.put("price", 9.5 + i);
        v.put("card", "4111111111111111");
        v.put("region", region);
        v.put("fail", fail);
        return Message.builder().topic("orders-" + region).partition(0).offset(i).value(v).build();
    }

    @Test
    void fusedRun_givesWhatTheStepsGiveOneByOne() {
        try (Chain fused = ChainLoader.fromText(CHAIN, "c.yaml", Path.of("."), HostOptions.DEFAULT);
                Chain single = ChainLoader.fromText(CHAIN, "c.yaml", Path.of("."), UNFUSED)) {
            // the first five steps are one fused step; the guarded one and the last stay apart
            assertEquals(List.of("add", "drop-eu", "route"), fused.steps().stream().map(Step::id).toList());
            assertEquals(7, single.steps().size());

            for (long i = 0; i < 12; i++) {
                Message in = order(i, i % 3 == 0 ? "eu" : "us", i % 4 == 1);
                Outcome a = fused.apply(in);
                Outcome b = single.apply(in);

                assertEquals(b.getClass(), a.getClass(), "record " + i);
                switch (b) {
                    case Outcome.Emitted e -> {
                        Message x = ((Outcome.Emitted) a).messages().get(0);
                        Message y = e.messages().get(0);
                        assertEquals(y.value(), x.value(), "record " + i);
                        assertEquals(y.topic(), x.topic(), "record " + i);
                        assertEquals("routed-us", x.topic());
                        assertEquals("", ((Map<?, ?>) x.value()).get("card"));
                    }
                    case Outcome.Dropped d -> assertEquals(d.stepId(), ((Outcome.Dropped) a).stepId());
                    case Outcome.Failed f -> {
                        Outcome.Failed g = (Outcome.Failed) a;
                        assertEquals("check", f.failure().stepId());
                        assertEquals(f.failure().stepId(), g.failure().stepId());
                        assertEquals(f.failure().errorClass(), g.failure().errorClass());
                        assertEquals(f.failure().reason(), g.failure().reason());
                        assertEquals(in, g.input());
                    }
                    default -> throw new AssertionError("unexpected " + b);
                }
            }
        }
    }

    @Test
    void fusedRun_dropInTheMiddle_namesTheStepThatDropped() {
        String chain = """
                chain: c
                steps:
                  - {id: add, smt: org.apache.kafka.connect.transforms.InsertField$Value, config: {static.field: source, static.value: web}}
                  - {id: drop-all, smt: org.apache.kafka.connect.transforms.Filter}
                  - {id: route, smt: org.apache.kafka.connect.transforms.RegexRouter, config: {regex: "orders-(.*)", replacement: "x"}}
                """;
        try (Chain fused = ChainLoader.fromText(chain, "c.yaml", Path.of("."), HostOptions.DEFAULT)) {
            assertEquals(1, fused.steps().size());

            Outcome out = fused.apply(order(1, "us", false));

            assertEquals("drop-all", assertInstanceOf(Outcome.Dropped.class, out).stepId());
        }
    }
}
