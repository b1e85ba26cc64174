package org.gradebench.sandbox;

import org.gradebench.core.run.LanguageProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Asks each host toolchain for its version (the profile's {@code version} command), with a timeout, once per
 * profile. Trusted binaries, run outside the sandbox; recorded with every grading session so history can tell a
 * toolchain upgrade from a code change.
 */
public final class ToolchainVersions {
    private static final Logger LOG = LoggerFactory.getLogger(ToolchainVersions.class);
    private static final long TIMEOUT_MS = 5000;

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** Profile name -> first line of the version output, or "not installed (...)". */
    public Map<String, String> versions(List<LanguageProfile> profiles) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LanguageProfile p : profiles) {
            out.put(p.name(), cache.computeIfAbsent(p.name(), n -> probe(p)));
        }
        return out;
    }

    static String probe(LanguageProfile p) {
        for (String tool : p.toolchain()) {
            if (!Files.exists(Path.of(tool))) return "not installed (" + tool + " missing)";
        }
        if (p.version().isEmpty()) return "unknown";
        try {
            Process proc = new ProcessBuilder(p.version()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] bytes;
            try (InputStream in = proc.getInputStream()) {
                bytes = in.readNBytes(4096);
            }
            if (!proc.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                proc.destroyForcibly();
                return "unknown (version command timed out)";
            }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl).strip();
        } catch (IOException e) {
            LOG.debug("version of {} failed", p.name(), e);
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
