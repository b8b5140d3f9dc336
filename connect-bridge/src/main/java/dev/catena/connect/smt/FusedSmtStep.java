package dev.catena.connect.smt;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import dev.catena.host.step.Step;
import java.util.List;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Adjacent {@code smt:} steps run as Connect runs a transformation chain: the message becomes a
 * Connect record once, each transformation takes the previous one's record, and the last record
 * becomes a message once. Between them records are not converted (nor checked) as Catena
 * messages, so a value type a later transformation reads is what the earlier one wrote, as in
 * Connect. A failure or a drop still names the step it happened in. Schemaless maps are shared
 * with the run only when every transformation in it is one of Kafka's (see {@link SmtStep}).
 */
final class FusedSmtStep implements Step {
    private final List<SmtStep> steps;
    private final boolean share;

    FusedSmtStep(List<SmtStep> steps) {
        this.steps = List.copyOf(steps);
        this.share = this.steps.stream().allMatch(SmtStep::shares);
    }

    @Override
    public String id() {
        return steps.get(0).id();
    }

    @Override
    public List<Step> children() {
        return List.copyOf(steps);
    }

    @Override
    public boolean canSplit() {
        return false;
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        ConnectRecord<?> sent = steps.get(0).send(input, share);
        ConnectRecord<?> cur = sent;
        SmtStep last = steps.get(steps.size() - 1);
        for (SmtStep s : steps) {
            cur = s.run(cur, input);
            if (cur == null) {
                s.dropped(x);
                return List.of();
            }
            if (s != last && x.tracing()) {
                x.trace(s.id(), "ran " + s.name() + " (fused)");
            }
        }
        Message result = last.receive(cur, sent, input);
        if (x.tracing()) {
            x.trace(last.id(), "ran " + last.name(), result);
        }
        return List.of(result);
    }
}
