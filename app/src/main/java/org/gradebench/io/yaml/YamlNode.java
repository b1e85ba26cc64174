package org.gradebench.io.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import org.gradebench.core.assignment.InvalidInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A node of a {@link YamlDocument} that knows where it is, so every accessor can fail with the file, the line and the
 * field. Accessors treat an explicit {@code null} (e.g. {@code compile:} with nothing after it) like an absent field.
 */
public final class YamlNode {
    private final YamlDocument doc;
    private final String pointer;
    private final JsonNode node;

    YamlNode(YamlDocument doc, String pointer, JsonNode node) {
        this.doc = doc;
        this.pointer = pointer;
        this.node = node;
    }

    public JsonNode json() {
        return node;
    }

    public String pointer() {
        return pointer;
    }

    /** The field path for messages: {@code limits.cpu}, {@code tests[2].name}; "document" for the root. */
    public String field() {
        if (pointer.isEmpty()) return "document";
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) sb.append('[').append(name).append(']');
            else sb.append(sb.length() == 0 ? "" : ".").append(name);
        }
        return sb.toString();
    }

    public int line() {
        return doc.line(pointer);
    }

    public YamlDocument document() {
        return doc;
    }

    public InvalidInputException error(String message) {
        return doc.error(pointer, field() + ": " + message);
    }

    public boolean isNull() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    public boolean isObject() {
        return node != null && node.isObject();
    }

    public boolean isArray() {
        return node != null && node.isArray();
    }

    public boolean isText() {
        return node != null && node.isTextual();
    }

    public boolean isNumber() {
        return node != null && node.isNumber();
    }

    public YamlNode requireObject() throws InvalidInputException {
        if (!isObject()) throw error("expected a mapping (key: value lines), found " + kind());
        return this;
    }

    /** Fails on the first key not in {@code allowed}, at that key's line. */
    public YamlNode requireKnownFields(Collection<String> allowed) throws InvalidInputException {
        requireObject();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw child(name).error("unknown field (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return isObject() && node.has(name) && !node.get(name).isNull();
    }

    public YamlNode child(String name) {
        JsonNode c = node == null ? null : node.get(name);
        return new YamlNode(doc, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), c);
    }

    public Optional<YamlNode> optional(String name) {
        return has(name) ? Optional.of(child(name)) : Optional.empty();
    }

    public YamlNode required(String name) throws InvalidInputException {
        if (!has(name)) throw error("missing required field '" + name + "'");
        return child(name);
    }

    public List<YamlNode> elements() throws InvalidInputException {
        if (isNull()) return List.of();
        if (!isArray()) throw error("expected a list, found " + kind());
        List<YamlNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) out.add(new YamlNode(doc, pointer + "/" + i, node.get(i)));
        return out;
    }

    /** Entries of a mapping, in file order. */
    public Map<String, YamlNode> fields() throws InvalidInputException {
        requireObject();
        Map<String, YamlNode> out = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(n -> out.put(n, child(n)));
        return out;
    }

    /** A scalar as text: strings as they are, numbers and booleans as written. */
    public String asText() throws InvalidInputException {
        if (node == null || !node.isValueNode() || node.isNull()) throw error("expected a text value, found " + kind());
        return node.asText();
    }

    public String asNonEmptyText() throws InvalidInputException {
        String s = asText();
        if (s.isBlank()) throw error("must not be empty");
        return s;
    }

    public boolean asBoolean() throws InvalidInputException {
        if (node != null && node.isBoolean()) return node.booleanValue();
        throw error("expected true or false, found " + kind());
    }

    public long asLong() throws InvalidInputException {
        if (node != null && node.canConvertToExactIntegral() && node.canConvertToLong()) return node.longValue();
        if (node != null && node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
        }
        throw error("expected a whole number, found " + describe());
    }

    public double asDouble() throws InvalidInputException {
        if (node != null && node.isNumber()) return node.doubleValue();
        if (node != null && node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue().trim());
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
        }
        throw error("expected a number, found " + describe());
    }

    /** A list of scalars; a single scalar is accepted as a one-element list. */
    public List<String> asTextList() throws InvalidInputException {
        if (isNull()) return List.of();
        if (!isArray()) return List.of(asText());
        List<String> out = new ArrayList<>();
        for (YamlNode e : elements()) out.add(e.asText());
        return out;
    }

    private String kind() {
        if (isNull()) return "nothing";
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        if (node.isBoolean()) return "a boolean";
        if (node.isNumber()) return "a number";
        return "text";
    }

    private String describe() {
        if (node != null && node.isValueNode() && !node.isNull()) return "'" + node.asText() + "'";
        return kind();
    }
}
