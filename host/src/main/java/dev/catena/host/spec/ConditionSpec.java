package dev.catena.host.spec;

import dev.catena.sandbox.Language;

/**
 * A {@code when:} condition: an expression in a guest language over {@code msg} (and {@code ctx}).
 *
 * @param language   expression language
 * @param expression the expression text
 * @param line       line of the expression in the chain file
 * @param column     column of the expression in the chain file
 */
public record ConditionSpec(Language language, String expression, int line, int column) {
}
