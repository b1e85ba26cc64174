package org.gradebench.io.profile;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.io.yaml.YamlDocument;
import org.gradebench.io.yaml.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads sandbox profiles (one YAML file per language, see sandbox-profiles/README.md) into {@link LanguageProfile}s.
 * Every problem is an {@link InvalidInputException} naming the file, the line and the field.
 */
public final class ProfileLoader {
    /**
     * Order of the built-in languages. It matters: language detection breaks ties (same number of source files) in
     * favour of the profile listed first. Other profiles follow alphabetically.
     */
    public static final List<String> PREFERRED_ORDER = List.of("python3", "c", "cpp", "java", "javascript", "go", "rust");

    /** Classpath folder the build copies sandbox-profiles/ into (see app/pom.xml). */
    public static final String RESOURCE_FOLDER = "gradebench/sandbox-profiles";

    private static final Set<String> FIELDS = Set.of("name", "displayName", "extensions", "entry", "compile", "run",
            "version", "toolchain", "binds", "env", "limitAddressSpace", "extraProcesses", "docker");
    private static final Set<String> ENTRY_FIELDS = Set.of("names", "pattern");
    private static final Set<String> DOCKER_FIELDS = Set.of("image");
    private static final Set<String> PLACEHOLDERS = Set.of("prog", "main", "mainPath", "mainClass", "sources", "memoryMib");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_+-]*");

    /** Loads one profile file. */
    public LanguageProfile load(Path file) throws InvalidInputException {
        return fromDocument(YamlDocument.read(file));
    }

    /** Loads a profile from bytes; {@code file} names it in messages (e.g. a classpath resource). */
    public LanguageProfile load(Path file, byte[] yaml) throws InvalidInputException {
        return fromDocument(YamlDocument.parse(file, yaml));
    }

    /**
     * Loads every {@code *.yaml}/{@code *.yml} file of {@code dir}, in {@link #PREFERRED_ORDER} then alphabetically.
     * Two files declaring the same name are an error.
     */
    public List<LanguageProfile> loadAll(Path dir) throws InvalidInputException {
        if (!Files.isDirectory(dir)) throw new InvalidInputException(dir, "sandbox profile folder not found");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            for (Path p : ds) if (Files.isRegularFile(p)) files.add(p);
        } catch (IOException e) {
            throw new InvalidInputException(dir, 0, "cannot list: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        Map<String, LanguageProfile> byName = new LinkedHashMap<>();
        for (Path f : files) {
            LanguageProfile p = load(f);
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new InvalidInputException(f, "profile name '" + p.name() + "' is declared by another file too");
            }
        }
        return ordered(byName.values());
    }

    /**
     * Loads the built-in profiles the build copied to the classpath ({@link #RESOURCE_FOLDER}); used when no
     * sandbox-profiles folder is found on disk (a packaged app).
     */
    public List<LanguageProfile> loadBuiltIn(ClassLoader loader) throws InvalidInputException {
        List<LanguageProfile> out = new ArrayList<>();
        for (String name : PREFERRED_ORDER) {
            String resource = RESOURCE_FOLDER + "/" + name + ".yaml";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) continue;
                out.add(load(Path.of(resource), in.readNBytes((int) YamlDocument.MAX_BYTES)));
            } catch (IOException e) {
                throw new InvalidInputException(Path.of(resource), 0, "cannot read: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) throw new InvalidInputException(Path.of(RESOURCE_FOLDER), "no built-in sandbox profiles on the classpath");
        return ordered(out);
    }

    static List<LanguageProfile> ordered(java.util.Collection<LanguageProfile> profiles) {
        List<LanguageProfile> out = new ArrayList<>(profiles);
        out.sort(Comparator.comparingInt((LanguageProfile p) -> {
            int i = PREFERRED_ORDER.indexOf(p.name());
            return i < 0 ? PREFERRED_ORDER.size() : i;
        }).thenComparing(LanguageProfile::name));
        return out;
    }

    private LanguageProfile fromDocument(YamlDocument doc) throws InvalidInputException {
        YamlNode root = doc.root().requireObject().requireKnownFields(FIELDS);

        YamlNode nameNode = root.required("name");
        String name = nameNode.asNonEmptyText();
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("'" + name + "' is not a valid profile name (lower-case letters, digits, _ + -)");
        }
        String displayName = root.has("displayName") ? root.child("displayName").asNonEmptyText() : name;

        YamlNode extNode = root.required("extensions");
        List<String> extensions = new ArrayList<>();
        for (String e : extNode.asTextList()) {
            String ext = e.startsWith(".") ? e.substring(1) : e;
            if (ext.isBlank()) throw extNode.error("empty extension");
            extensions.add(ext.toLowerCase(Locale.ROOT));
        }
        if (extensions.isEmpty()) throw extNode.error("at least one extension is needed");

        List<String> entryNames = List.of();
        Optional<Pattern> entryPattern = Optional.empty();
        if (root.has("entry")) {
            YamlNode entry = root.child("entry").requireKnownFields(ENTRY_FIELDS);
            entryNames = entry.child("names").asTextList();
            if (entry.has("pattern")) {
                YamlNode p = entry.child("pattern");
                try {
                    entryPattern = Optional.of(Pattern.compile(p.asNonEmptyText()));
                } catch (PatternSyntaxException e) {
                    throw p.error("bad regular expression: " + e.getDescription() + " near index " + e.getIndex());
                }
            }
        }

        List<String> compile = command(root, "compile", false);
        List<String> run = command(root, "run", true);
        List<String> version = command(root, "version", false);

        List<String> toolchain = absolutePaths(root, "toolchain");
        List<String> binds = absolutePaths(root, "binds");

        Map<String, String> env = new LinkedHashMap<>();
        if (root.has("env")) {
            for (Map.Entry<String, YamlNode> e : root.child("env").fields().entrySet()) {
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) throw e.getValue().error("not a valid variable name");
                env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        }

        boolean limitAs = !root.has("limitAddressSpace") || root.child("limitAddressSpace").asBoolean();
        int extra = 0;
        if (root.has("extraProcesses")) {
            YamlNode n = root.child("extraProcesses");
            long v = n.asLong();
            if (v < 0 || v > 4096) throw n.error("must be between 0 and 4096");
            extra = (int) v;
        }
        String image = "";
        if (root.has("docker")) {
            YamlNode d = root.child("docker").requireKnownFields(DOCKER_FIELDS);
            if (d.has("image")) image = d.child("image").asNonEmptyText();
        }
        return new LanguageProfile(name, displayName, extensions, entryNames, entryPattern, compile, run, version,
                toolchain, binds, env, limitAs, extra, image);
    }

    private static List<String> command(YamlNode root, String field, boolean required) throws InvalidInputException {
        if (!root.has(field)) {
            if (required) throw root.error("missing required field '" + field + "'");
            return List.of();
        }
        YamlNode n = root.child(field);
        if (!n.isArray()) throw n.error("expected a command as a list of arguments, e.g. [/usr/bin/python3, \"{mainPath}\"]");
        List<String> argv = n.asTextList();
        if (argv.isEmpty()) {
            if (required) throw n.error("must not be empty");
            return argv;
        }
        List<YamlNode> elements = n.elements();
        for (int i = 0; i < argv.size(); i++) {
            var m = PLACEHOLDER.matcher(argv.get(i));
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw elements.get(i).error("unknown placeholder {" + m.group(1) + "} (known: " + String.join(", ",
                            PLACEHOLDERS.stream().sorted().map(s -> "{" + s + "}").toList()) + ")");
                }
            }
            if (argv.get(i).contains("{sources}") && !argv.get(i).equals("{sources}")) {
                throw elements.get(i).error("{sources} must be an argument of its own");
            }
        }
        String program = argv.get(0);
        if (!program.startsWith("/") && !program.startsWith("{prog}")) {
            throw elements.get(0).error("the program must be an absolute path (found '" + program
                    + "'): names are looked up on a PATH that differs between machines and may hold shims");
        }
        return argv;
    }

    private static List<String> absolutePaths(YamlNode root, String field) throws InvalidInputException {
        if (!root.has(field)) return List.of();
        List<YamlNode> elements = root.child(field).isArray() ? root.child(field).elements() : List.of(root.child(field));
        List<String> out = new ArrayList<>();
        for (YamlNode e : elements) {
            String s = e.asNonEmptyText();
            if (!s.startsWith("/")) throw e.error("must be an absolute path (found '" + s + "')");
            out.add(s);
        }
        return out;
    }
}
