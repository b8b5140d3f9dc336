package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.host.exec.Exec;
import dev.catena.host.exec.MessagePath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A built-in test of one record path, evaluated in Java: {@code {field: value.amount, gt: 100}},
 * {@code {field: value.type, equals: refund}}, {@code {field: value.email, matches: ".*@x\\.com"}},
 * {@code {field: value.id, exists: true}}, {@code {field: value.tier, in: [gold, silver]}},
 * {@code {header: source, equals: web}}, {@code {topic: "orders-.*"}}. Numbers compare by value
 * (1 equals 1.0); a missing field satisfies none of the comparisons; {@code matches} is a full match.
 */
public final class FieldCondition implements Condition {
    /** Comparison operators. */
    public enum Op {
        EXISTS, EQUALS, IN, MATCHES, GT, GTE, LT, LTE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String path;
    private final Op op;
    private final Object operand;
    private final Pattern pattern;

    public FieldCondition(String path, Op op, Object operand) {
        this.path = path;
        this.op = op;
        this.operand = operand;
        this.pattern = op == Op.MATCHES ? Pattern.compile(String.valueOf(operand)) : null;
    }

    @Override
    public boolean test(Message m, Exec x) {
        if (op == Op.EXISTS) {
            return MessagePath.exists(m, path) == Boolean.TRUE.equals(operand);
        }
        Object v = MessagePath.get(m, path);
        if (v == null) {
            return false;
        }
        return switch (op) {
            case EQUALS -> same(v, operand);
            case IN -> operand instanceof List<?> l && l.stream().anyMatch(o -> same(v, o));
            case MATCHES -> v instanceof String s && pattern.matcher(s).matches();
            case GT -> compare(v, operand) > 0;
            case GTE -> compare(v, operand) >= 0;
            case LT -> compare(v, operand) < 0 && compare(v, operand) != Integer.MIN_VALUE;
            case LTE -> compare(v, operand) <= 0 && compare(v, operand) != Integer.MIN_VALUE;
            case EXISTS -> throw new AssertionError();
        };
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        return Values.deepEquals(a, b);
    }

    /** Sign of a - b for two numbers or two strings; Integer.MIN_VALUE when not comparable. */
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Integer.signum(decimal(x).compareTo(decimal(y)));
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        return Integer.MIN_VALUE;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    @Override
    public String describe() {
        return path + " " + op.key() + (op == Op.EXISTS ? (Boolean.TRUE.equals(operand) ? "" : " false") : " " + operand);
    }
}
