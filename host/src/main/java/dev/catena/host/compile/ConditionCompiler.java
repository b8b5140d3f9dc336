package dev.catena.host.compile;

import dev.catena.bindings.guest.StepContextView;
import dev.catena.host.ErrorClass;
import dev.catena.host.condition.Condition;
import dev.catena.host.condition.Expression;
import dev.catena.host.condition.FieldCondition;
import dev.catena.host.condition.Logic;
import dev.catena.host.condition.RecordCondition;
import dev.catena.host.condition.ScriptCondition;
import dev.catena.host.condition.ScriptExpression;
import dev.catena.host.exec.MessagePath;
import dev.catena.host.spec.YamlNode;
import dev.catena.sandbox.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles {@code when:}/{@code if:}/{@code while:} conditions and value expressions. Problems
 * go to the shared list; a broken condition compiles to a constant so compilation continues.
 */
final class ConditionCompiler {
    private final Scope scope;

    ConditionCompiler(Scope scope) {
        this.scope = scope;
    }

    Condition condition(YamlNode n, String stepId, StepContextView ctx) {
        if (n.scalar() instanceof Boolean b) {
            return Logic.constant(b);
        }
        if (!n.isMap() || n.entries().isEmpty()) {
            return bad(n, "a condition is true/false, {js: expr}, {py: expr}, {field: path, <op>: x}, {header: name, ...},"
                    + " {topic: regex}, {tombstone: true}, {error: [classes]}, {not: c}, {all: [c...]} or {any: [c...]}; found " + n.kindName());
        }
        Map<String, YamlNode> e = n.entries();
        for (String k : e.keySet()) {
            var extension = scope.extensions().condition(k);
            if (extension != null) {
                Condition c = extension.compile(n, scope);
                return c == null ? Logic.FALSE : c;
            }
        }
        if (e.size() == 1) {
            String k = e.keySet().iterator().next();
            YamlNode v = e.get(k);
            switch (k) {
                case "js", "py" -> {
                    return script(n, k, v, stepId, ctx);
                }
                case "not" -> {
                    return Logic.not(condition(v, stepId, ctx));
                }
                case "all", "any" -> {
                    if (!v.isList()) {
                        return bad(v, "'" + k + "' takes a list of conditions, found " + v.kindName());
                    }
                    List<Condition> parts = new ArrayList<>();
                    for (YamlNode c : v.items()) {
                        parts.add(condition(c, stepId, ctx));
                    }
                    return k.equals("all") ? Logic.all(parts) : Logic.any(parts);
                }
                case "topic" -> {
                    return regex(v) == null ? Logic.FALSE : RecordCondition.topicMatches((String) v.scalar());
                }
                case "tombstone" -> {
                    if (!(v.scalar() instanceof Boolean b)) {
                        return bad(v, "'tombstone' takes true or false");
                    }
                    return RecordCondition.tombstone(b);
                }
                case "error" -> {
                    return errorCondition(v);
                }
                default -> { }
            }
        }
        if (e.containsKey("field") || e.containsKey("header")) {
            return field(n);
        }
        return bad(n, "unknown condition " + e.keySet() + "; expected js, py, field, header, topic, tombstone, error, not, all or any");
    }

    private Condition script(YamlNode n, String lang, YamlNode v, String stepId, StepContextView ctx) {
        if (!(v.scalar() instanceof String expr) || expr.isBlank()) {
            return bad(v, "'" + lang + "' needs an expression string, found " + v.kindName());
        }
        ScriptCondition c = new ScriptCondition(scope.chain(), stepId, scope.file(), Language.fromKey(lang), expr,
                v.line(), v.column() + (v.quoted() ? 1 : 0), scope.sandbox(), ctx);
        if (c.script() != null) {
            scope.check(c.script());
        }
        return c;
    }

    private Condition errorCondition(YamlNode v) {
        List<YamlNode> items = v.isList() ? v.items() : List.of(v);
        Set<ErrorClass> classes = EnumSet.noneOf(ErrorClass.class);
        for (YamlNode i : items) {
            ErrorClass c = errorClass(i);
            if (c != null) {
                classes.add(c);
            }
        }
        return RecordCondition.errorIn(classes);
    }

    ErrorClass errorClass(YamlNode i) {
        for (ErrorClass c : ErrorClass.values()) {
            if (c.id().equals(i.scalar())) {
                return c;
            }
        }
        scope.problem(i, "unknown error class '" + i.scalar() + "'; expected one of "
                + java.util.Arrays.stream(ErrorClass.values()).map(ErrorClass::id).toList());
        return null;
    }

    private Condition field(YamlNode n) {
        Map<String, YamlNode> e = n.entries();
        String path;
        if (e.containsKey("header")) {
            if (!(e.get("header").scalar() instanceof String h)) {
                return bad(e.get("header"), "'header' takes a header name");
            }
            path = "headers." + h;
        } else {
            if (!(e.get("field").scalar() instanceof String f) || !MessagePath.isValid(f)) {
                return bad(e.get("field"), MessagePath.problem(String.valueOf(e.get("field").scalar())));
            }
            path = f;
        }
        List<String> ops = new ArrayList<>();
        for (String k : e.keySet()) {
            if (!k.equals("field") && !k.equals("header")) {
                ops.add(k);
            }
        }
        if (ops.size() != 1) {
            return bad(n, "a field condition takes one operator: exists, equals, in, matches, gt, gte, lt or lte; found " + ops);
        }
        String opKey = ops.get(0);
        FieldCondition.Op op = null;
        for (FieldCondition.Op o : FieldCondition.Op.values()) {
            if (o.key().equals(opKey)) {
                op = o;
            }
        }
        YamlNode operand = e.get(opKey);
        if (op == null) {
            return bad(n.keyNode(opKey), "unknown operator '" + opKey + "'; expected exists, equals, in, matches, gt, gte, lt or lte");
        }
        switch (op) {
            case EXISTS -> {
                if (!(operand.scalar() instanceof Boolean)) {
                    return bad(operand, "'exists' takes true or false");
                }
            }
            case MATCHES -> {
                if (regex(operand) == null) {
                    return Logic.FALSE;
                }
            }
            case IN -> {
                if (!operand.isList()) {
                    return bad(operand, "'in' takes a list of values");
                }
            }
            case GT, GTE, LT, LTE -> {
                if (!(operand.scalar() instanceof Number) && !(operand.scalar() instanceof String)) {
                    return bad(operand, "'" + opKey + "' compares with a number or a string, found " + operand.kindName());
                }
            }
            default -> { }
        }
        return new FieldCondition(path, op, operand.toNeutral());
    }

    private String regex(YamlNode v) {
        if (!(v.scalar() instanceof String s)) {
            scope.problem(v, "expected a regular expression string, found " + v.kindName());
            return null;
        }
        try {
            Pattern.compile(s);
            return s;
        } catch (PatternSyntaxException ex) {
            scope.problem(v, "invalid regular expression: " + ex.getDescription());
            return null;
        }
    }

    /** {@code value.type} (a path) or {@code {js: expr}} / {@code {py: expr}}. */
    Expression expression(YamlNode n, String stepId, StepContextView ctx) {
        if (n.scalar() instanceof String path) {
            if (!MessagePath.isValid(path)) {
                scope.problem(n, MessagePath.problem(path));
            }
            return Expression.path(path);
        }
        if (n.isMap() && n.entries().size() == 1 && (n.get("js") != null || n.get("py") != null)) {
            String lang = n.get("js") != null ? "js" : "py";
            YamlNode v = n.get(lang);
            if (!(v.scalar() instanceof String expr) || expr.isBlank()) {
                scope.problem(v, "'" + lang + "' needs an expression string");
                return Expression.path("value");
            }
            ScriptExpression x = new ScriptExpression(scope.chain(), stepId, scope.file(), Language.fromKey(lang), expr,
                    v.line(), v.column() + (v.quoted() ? 1 : 0), scope.sandbox(), ctx);
            scope.check(x.script());
            return x;
        }
        scope.problem(n, "expected a record path (value.a.b, key, topic, headers.h) or {js: expr} / {py: expr}, found " + n.kindName());
        return Expression.path("value");
    }

    private Condition bad(YamlNode n, String message) {
        scope.problem(n, message);
        return Logic.FALSE;
    }
}
