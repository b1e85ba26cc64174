package org.gradebench.core.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes a run wrote to a stream or file, kept up to a cap.
 *
 * @param truncated true when the program wrote more than the cap (only the first cap bytes are kept)
 */
public record CapturedOutput(byte[] bytes, boolean truncated) {
    public static final CapturedOutput EMPTY = new CapturedOutput(new byte[0], false);

    public CapturedOutput {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** Decoded leniently (invalid UTF-8 becomes U+FFFD); for display and logs, never for checking. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The first {@code max} bytes as text, with a note when cut. */
    public String excerpt(int max) {
        if (bytes.length <= max) return text() + (truncated ? "\n[... output truncated]" : "");
        return new String(Arrays.copyOf(bytes, max), StandardCharsets.UTF_8) + "\n[... " + (bytes.length - max) + " more bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedOutput c && c.truncated == truncated && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return "CapturedOutput[" + bytes.length + " bytes" + (truncated ? ", truncated" : "") + "]";
    }
}
