package dev.catena.host.exec;

import dev.catena.host.spec.ChainLoadException;
import dev.catena.host.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chain-file templating, resolved before parsing: {@code ${name}} takes a parameter
 * ({@code catena run --param name=value}), {@code ${env:NAME}} an environment variable,
 * {@code ${name:-default}} / {@code ${env:NAME:-default}} a default; {@code $${...}} is a literal.
 * An unresolved reference is a problem at its line and column. {@code profile} picks the overlay
 * ({@code chain.<profile>.yaml}) merged over the chain file.
 *
 * @param params  parameter values
 * @param env     environment lookup
 * @param profile overlay name, or null
 */
public record Template(Map<String, String> params, Function<String, String> env, String profile) {
    public static final Template DEFAULT = new Template(Map.of(), System::getenv, null);
    private static final Pattern REF = Pattern.compile("\\$?\\$\\{(env:)?([A-Za-z_][A-Za-z0-9_.-]*)(:-([^}]*))?}");

    public Template {
        params = Map.copyOf(params);
    }

    public Template withProfile(String p) {
        return new Template(params, env, p);
    }

    /**
     * @throws ChainLoadException listing every unresolved reference of the file
     */
    public String apply(String text, String file) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        List<Problem> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = REF.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (m.find()) {
                String whole = m.group();
                String replacement;
                if (whole.startsWith("$$")) {
                    replacement = whole.substring(1);
                } else {
                    String v = m.group(1) != null ? env.apply(m.group(2)) : params.get(m.group(2));
                    if (v == null) {
                        v = m.group(4);
                    }
                    if (v == null) {
                        problems.add(new Problem(file, i + 1, m.start() + 1, m.group(1) != null
                                ? "environment variable " + m.group(2) + " is not set (write ${env:" + m.group(2) + ":-default} for a default)"
                                : "no value for parameter '" + m.group(2) + "' (catena run --param " + m.group(2) + "=...)"));
                        v = "";
                    }
                    replacement = v;
                }
                m.appendReplacement(line, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(line);
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (!problems.isEmpty()) {
            throw new ChainLoadException(problems);
        }
        return out.toString();
    }
}
