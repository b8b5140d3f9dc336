package dev.catena.host.spec;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that remembers where it was (file, line, column), so every spec problem can be
 * reported at its place. Scalars are resolved to neutral values (Long, Double, Boolean, String, null).
 */
public final class YamlNode {
    /**
     * An overlay merged over a base ({@code chain.prod.yaml} over {@code chain.yaml}): maps merge
     * key by key, recursively; a list of maps with {@code id}s merges item by id (new ids are
     * appended); any other value of the overlay replaces the base's. Each node keeps the file and
     * line it came from.
     */
    public static YamlNode merge(YamlNode base, YamlNode overlay) {
        if (base.kind == Kind.MAP && overlay.kind == Kind.MAP) {
            Map<String, YamlNode> values = new LinkedHashMap<>(base.entries());
            Map<String, YamlNode> keys = new LinkedHashMap<>(((KeyedMap) base.value).keys);
            for (Map.Entry<String, YamlNode> e : overlay.entries().entrySet()) {
                YamlNode b = values.get(e.getKey());
                values.put(e.getKey(), b == null ? e.getValue() : merge(b, e.getValue()));
                keys.putIfAbsent(e.getKey(), overlay.keyNode(e.getKey()));
            }
            return new YamlNode(Kind.MAP, new KeyedMap(Collections.unmodifiableMap(values), keys), base.file, base.line, base.column);
        }
        if (base.kind == Kind.LIST && overlay.kind == Kind.LIST && byId(base) && byId(overlay)) {
            List<YamlNode> items = new ArrayList<>(base.items());
            for (YamlNode o : overlay.items()) {
                Object id = o.get("id").scalar();
                int at = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (id.equals(items.get(i).get("id").scalar())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    items.add(o);
                } else {
                    items.set(at, merge(items.get(at), o));
                }
            }
            return new YamlNode(Kind.LIST, Collections.unmodifiableList(items), base.file, base.line, base.column);
        }
        return overlay;
    }

    private static boolean byId(YamlNode list) {
        return list.items().stream().allMatch(i -> i.isMap() && i.get("id") != null && i.get("id").scalar() instanceof String);
    }

    /** Node kinds. */
    public enum Kind { MAP, LIST, SCALAR }

    private final Kind kind;
    private final Object value;
    private final String file;
    private final int line;
    private final int column;
    private final boolean quoted;

    private YamlNode(Kind kind, Object value, String file, int line, int column) {
        this(kind, value, file, line, column, false);
    }

    private YamlNode(Kind kind, Object value, String file, int line, int column, boolean quoted) {
        this.kind = kind;
        this.value = value;
        this.file = file;
        this.line = line;
        this.column = column;
        this.quoted = quoted;
    }

    /** Whether a scalar was written in quotes (its text starts one column later). */
    public boolean quoted() {
        return quoted;
    }

    /**
     * Parses a YAML document.
     *
     * @throws ChainLoadException with the parser's position when the text is not valid YAML
     */
    public static YamlNode parse(String text, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                return new YamlNode(Kind.MAP, Map.of(), file, 1, 1);
            }
            return of(root, file);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ChainLoadException(List.of(new Problem(file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "invalid YAML: " + e.getProblem())));
        } catch (RuntimeException e) {
            throw new ChainLoadException(List.of(new Problem(file, 0, 0, "invalid YAML: " + e.getMessage())));
        }
    }

    private static YamlNode of(Node n, String file) {
        int line = n.getStartMark().getLine() + 1;
        int col = n.getStartMark().getColumn() + 1;
        if (n instanceof MappingNode m) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            Map<String, YamlNode> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                YamlNode k = of(t.getKeyNode(), file);
                // keys are names: take their text as written (YAML 1.1 would read `on:` as true)
                String key = t.getKeyNode() instanceof ScalarNode sk ? sk.getValue() : String.valueOf(k.value);
                map.put(key, of(t.getValueNode(), file));
                keys.put(key, k);
            }
            return new YamlNode(Kind.MAP, new KeyedMap(Collections.unmodifiableMap(map), keys), file, line, col);
        }
        if (n instanceof SequenceNode s) {
            List<YamlNode> list = new ArrayList<>();
            for (Node e : s.getValue()) {
                list.add(of(e, file));
            }
            return new YamlNode(Kind.LIST, Collections.unmodifiableList(list), file, line, col);
        }
        ScalarNode s = (ScalarNode) n;
        boolean quoted = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.SINGLE_QUOTED;
        return new YamlNode(Kind.SCALAR, quoted ? text(s) : scalar(s), file, line, col, quoted);
    }

    private static Object text(ScalarNode s) {
        return s.getValue();
    }

    private static Object scalar(ScalarNode s) {
        String text = s.getValue();
        Tag tag = s.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)) || "yes".equalsIgnoreCase(text) || "on".equalsIgnoreCase(text);
            }
            if (Tag.INT.equals(tag)) {
                BigInteger b = new BigInteger(text.replace("_", "").replace("+", ""));
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    /** A map keeping its key nodes, for reporting problems at a key. */
    private record KeyedMap(Map<String, YamlNode> values, Map<String, YamlNode> keys) {
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** Entries of a map node, in order. */
    public Map<String, YamlNode> entries() {
        return kind == Kind.MAP ? ((KeyedMap) value).values : Map.of();
    }

    /** The node of a key itself (for "unknown key" problems), or this node. */
    public YamlNode keyNode(String key) {
        return kind == Kind.MAP ? ((KeyedMap) value).keys.getOrDefault(key, this) : this;
    }

    public YamlNode get(String key) {
        return entries().get(key);
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> items() {
        return kind == Kind.LIST ? (List<YamlNode>) value : List.of();
    }

    /** The scalar value (null, Boolean, Long, BigInteger, Double or String). */
    public Object scalar() {
        return kind == Kind.SCALAR ? value : null;
    }

    /** The whole subtree as a neutral value (maps, lists, scalars). */
    public Object toNeutral() {
        return switch (kind) {
            case SCALAR -> value;
            case LIST -> {
                List<Object> out = new ArrayList<>();
                for (YamlNode n : items()) {
                    out.add(n.toNeutral());
                }
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
                    out.put(e.getKey(), e.getValue().toNeutral());
                }
                yield out;
            }
        };
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** A problem located at this node. */
    public Problem problem(String message) {
        return new Problem(file, line, column, message);
    }

    public String kindName() {
        return switch (kind) {
            case MAP -> "a map";
            case LIST -> "a list";
            case SCALAR -> value == null ? "null" : value instanceof String ? "a string" : "a " + dev.catena.bindings.Values.typeName(value);
        };
    }
}
