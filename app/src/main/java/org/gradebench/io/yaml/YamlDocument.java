package org.gradebench.io.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML file read as a tree, plus the line of every node, so that checks made after parsing (unknown field, bad
 * regex, a test that does not exist) can still name the line. Jackson trees keep no locations; the index is built in
 * a second, streaming pass keyed by JSON pointer ({@code /limits/cpu}, {@code /tests/2/name}).
 */
public final class YamlDocument {
    /** Assignment and profile files are small; a cap keeps a hostile package from exhausting memory. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    public static YamlDocument read(Path file) throws InvalidInputException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(file, "not a regular file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) throw new InvalidInputException(file, "larger than " + MAX_BYTES / 1024 + " KiB");
        return parse(file, bytes);
    }

    /** Parses bytes that came from {@code file} (used for classpath resources, where {@code file} is only a name). */
    public static YamlDocument parse(Path file, byte[] bytes) throws InvalidInputException {
        YAMLFactory factory = YAMLFactory.builder().build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper mapper = new ObjectMapper(factory);
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try {
            root = mapper.readTree(bytes);
            try (JsonParser p = factory.createParser(bytes)) {
                while (p.nextToken() != null) {
                    // A field name is keyed /obj/name (its value shares the key's entry: first token wins), an
                    // array element /arr/3, and a new object or array by the path that leads to it.
                    String pointer = p.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InvalidInputException(file, loc == null ? 0 : Math.max(0, loc.getLineNr()),
                    "invalid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || root instanceof MissingNode) root = mapper.createObjectNode();
        return new YamlDocument(file, root, lines);
    }

    public Path file() {
        return file;
    }

    public YamlNode root() {
        return new YamlNode(this, "", root);
    }

    /** The line of the node at {@code pointer}, or of its nearest ancestor that has one; 0 when unknown. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 0;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    public InvalidInputException error(String pointer, String message) {
        return new InvalidInputException(file, line(pointer), message);
    }
}
