package dev.catena.host.spec;

/**
 * One thing wrong with a chain, at a place: {@code chains/orders.yaml:12:5: unknown key 'jss'}.
 *
 * @param file    chain or script file
 * @param line    1-based, 0 if unknown
 * @param column  1-based, 0 if unknown
 * @param message what is wrong and what was expected
 */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        String where = line <= 0 ? file : column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
        return where + ": " + message;
    }
}
