package dev.catena.sandbox;

import java.util.Locale;

/** A guest language Catena runs steps in. */
public enum Language {
    JS("js", "JavaScript"),
    PYTHON("python", "Python");

    private final String id;
    private final String displayName;

    Language(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The GraalVM language id. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The language of a chain-spec key or file extension: {@code js}, {@code py}, {@code python}, {@code mjs}. */
    public static Language fromKey(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "js", "mjs", "javascript" -> JS;
            case "py", "python" -> PYTHON;
            default -> throw new IllegalArgumentException("unknown language '" + key + "': expected js or py");
        };
    }
}
