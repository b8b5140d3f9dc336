package dev.catena.connect.predicate;

import dev.catena.bindings.Message;
import dev.catena.connect.MessageRecords;
import dev.catena.connect.plugin.PluginConfigs;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.condition.Condition;
import dev.catena.host.exec.Exec;
import dev.catena.sandbox.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A configured Connect {@link Predicate} tested on messages (converted by
 * {@link MessageRecords}). A predicate that throws fails the record, named at the condition's
 * place in the chain file; calls are serialised as in {@link dev.catena.connect.smt.SmtStepKind smt:} steps.
 */
final class PredicateCondition implements Condition {
    private final String chain;
    private final String className;
    private final Map<String, String> config;
    private final boolean negate;
    private final Predicate<?> predicate;
    private final SourceLocation location;
    private final MessageRecords records = new MessageRecords();

    PredicateCondition(String chain, String className, Map<String, String> config, boolean negate, Predicate<?> predicate,
            SourceLocation location) {
        this.chain = chain;
        this.className = className;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.negate = negate;
        this.predicate = predicate;
        this.location = location;
    }

    @Override
    public boolean test(Message m, Exec x) {
        ConnectRecord<?> record;
        try {
            record = records.toRecord(m);
        } catch (DataException e) {
            throw failure(ErrorClass.BAD_DATA, m, "cannot give the record to " + describe() + ": " + e.getMessage(), e);
        }
        boolean result;
        try {
            synchronized (predicate) {
                result = test(predicate, record);
            }
        } catch (RetriableException e) {
            throw failure(ErrorClass.DEPENDENCY_FAILURE, m, describe() + ": " + e.getMessage(), e);
        } catch (DataException e) {
            throw failure(ErrorClass.BAD_DATA, m, describe() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failure(ErrorClass.SCRIPT_ERROR, m, describe() + " threw " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
        return result != negate;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the record's class is whatever the predicate was written for
    private static boolean test(Predicate p, ConnectRecord<?> record) {
        return p.test((ConnectRecord) record);
    }

    private StepFailure failure(ErrorClass errorClass, Message m, String reason, Throwable cause) {
        // ConditionKind.compile is not told the step id; the location points at the condition
        return new StepFailure(chain, "when", errorClass, location, m.describe(), reason, cause);
    }

    @Override
    public String describe() {
        return (negate ? "not " : "") + "predicate " + simpleName(className) + (config.isEmpty() ? "" : " " + PluginConfigs.describe(config));
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
