package dev.catena.connect.smt;

import dev.catena.bindings.Message;
import dev.catena.connect.MessageRecords;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import dev.catena.host.step.Fusible;
import dev.catena.host.step.Step;
import dev.catena.sandbox.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Runs one configured {@link Transformation} on a message: the message becomes a Connect record
 * (see {@link MessageRecords}), the transformation's result becomes the step's output, and
 * {@code null} drops the record.
 *
 * <p>Failures keep Connect's meaning: a {@link RetriableException} is a
 * {@code dependency-failure} (transient, retried by {@code retry:}), a {@link DataException} is
 * {@code bad-data}, anything else the transformation throws is a {@code script-error}. The
 * failure's location is the step in the chain file.
 *
 * <p>Connect calls a transformation from one task thread; a chain may be run from several
 * threads (the CLI's parallel branches), so calls into the transformation are serialised.
 */
final class SmtStep implements Fusible {
    private final String chain;
    private final String id;
    private final String className;
    private final Transformation<?> transformation;
    private final SourceLocation location;
    private final MessageRecords records = new MessageRecords();
    /** Kafka's own transformations copy before they change a map: they get the message's maps, not copies. */
    private final boolean share;

    SmtStep(String chain, String id, String className, Transformation<?> transformation, SourceLocation location) {
        this.chain = chain;
        this.id = id;
        this.className = className;
        this.transformation = transformation;
        this.location = location;
        this.share = transformation.getClass().getName().startsWith(KAFKA_TRANSFORMS);
    }

    static final String KAFKA_TRANSFORMS = "org.apache.kafka.connect.transforms.";

    @Override
    public String id() {
        return id;
    }

    /** Another plain {@code smt:} step: the run passes the Connect record along (see {@link FusedSmtStep}). */
    @Override
    public boolean fusesWith(Step next) {
        return next instanceof SmtStep;
    }

    @Override
    public Step fuse(List<Step> run) {
        List<SmtStep> steps = new ArrayList<>(run.size());
        for (Step s : run) {
            steps.add((SmtStep) s);
        }
        return new FusedSmtStep(steps);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        ConnectRecord<?> sent = send(input, share);
        ConnectRecord<?> out = run(sent, input);
        if (out == null) {
            dropped(x);
            return List.of();
        }
        Message result = receive(out, sent, input);
        if (x.tracing()) {
            x.trace(id, "ran " + name(), result);
        }
        return List.of(result);
    }

    /** The message as the record given to the transformation (shared maps only when {@code share}). */
    ConnectRecord<?> send(Message input, boolean shareMaps) {
        try {
            return records.toRecord(input, shareMaps);
        } catch (DataException e) {
            throw failure(ErrorClass.BAD_DATA, input, "cannot give the record to " + name() + ": " + e.getMessage(), e);
        }
    }

    /** The transformation's result for {@code record} (null: dropped); failures name this step and {@code input}. */
    ConnectRecord<?> run(ConnectRecord<?> record, Message input) {
        try {
            synchronized (transformation) {
                return apply(transformation, record);
            }
        } catch (RetriableException e) {
            throw failure(ErrorClass.DEPENDENCY_FAILURE, input, name() + ": " + e.getMessage(), e);
        } catch (DataException e) {
            throw failure(ErrorClass.BAD_DATA, input, name() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failure(ErrorClass.SCRIPT_ERROR, input, name() + " threw " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** The message the transformation made of {@code input}, given {@code sent}, as {@code out}. */
    Message receive(ConnectRecord<?> out, ConnectRecord<?> sent, Message input) {
        try {
            return records.fromRecord(out, sent, input);
        } catch (DataException e) {
            throw failure(ErrorClass.BAD_DATA, input, name() + " returned a record Catena cannot read: " + e.getMessage(), e);
        }
    }

    void dropped(Exec x) {
        x.trace(id, "dropped by " + name());
        x.droppedBy(id);
    }

    boolean shares() {
        return share;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the record's class is whatever the transformation was written for
    private static ConnectRecord<?> apply(Transformation t, ConnectRecord<?> record) {
        return (ConnectRecord<?>) t.apply((ConnectRecord) record);
    }

    String name() {
        return "SMT " + SmtStepKind.simpleName(className);
    }

    private StepFailure failure(ErrorClass errorClass, Message input, String reason, Throwable cause) {
        return new StepFailure(chain, id, errorClass, location, input.describe(), reason, cause);
    }
}
