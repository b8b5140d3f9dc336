package dev.catena.sandbox;

/**
 * A place in a script: file, 1-based line and column (0 when unknown).
 *
 * @param file   the script's display name (its path relative to the chain file)
 * @param line   1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
