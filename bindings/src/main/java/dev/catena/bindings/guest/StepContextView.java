package dev.catena.bindings.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The {@code ctx} a script receives: {@code params} (read-only), {@code chain}, {@code step},
 * {@code now()} (epoch millis from the host's clock) and {@code log(level, message)} /
 * {@code log(message)}.
 */
public final class StepContextView implements ProxyObject {
    private static final List<String> MEMBERS = List.of("params", "chain", "step", "now", "log");

    private final Object params;
    private final String chain;
    private final String step;
    private final ProxyExecutable now;
    private final ProxyExecutable log;

    /**
     * @param params step parameters (neutral map, shared: guests see it read-only)
     * @param chain  chain name
     * @param step   step id
     * @param clock  epoch-millis clock for {@code ctx.now()}
     * @param logger receives (level, text) for {@code ctx.log}
     */
    public StepContextView(Map<String, Object> params, String chain, String step, LongSupplier clock,
            BiConsumer<String, String> logger) {
        this.params = GuestValues.wrap(params, true);
        this.chain = chain;
        this.step = step;
        this.now = args -> clock.getAsLong();
        this.log = args -> {
            if (args.length == 1) {
                logger.accept("info", text(args[0]));
            } else if (args.length >= 2) {
                logger.accept(text(args[0]), text(args[1]));
            }
            return null;
        };
    }

    /** A guest string as Java text; {@code Value.toString()} of a guest string is not its content. */
    private static String text(Value v) {
        return v.isString() ? v.asString() : v.toString();
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "params" -> params;
            case "chain" -> chain;
            case "step" -> step;
            case "now" -> now;
            case "log" -> log;
            default -> null;
        };
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromList(new ArrayList<>(MEMBERS));
    }

    @Override
    public boolean hasMember(String key) {
        return MEMBERS.contains(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("ctx is read-only");
    }
}
