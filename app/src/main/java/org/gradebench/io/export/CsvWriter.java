package org.gradebench.io.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes UTF-8 CSV rows in a {@link CsvDialect} (quotes doubled inside quoted cells, RFC 4180). */
public final class CsvWriter implements Closeable {
    private final Writer out;
    private final CsvDialect dialect;

    public CsvWriter(OutputStream stream, CsvDialect dialect) throws IOException {
        this.dialect = dialect;
        if (dialect.bom()) stream.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    public static CsvWriter create(Path file, CsvDialect dialect) throws IOException {
        return new CsvWriter(Files.newOutputStream(file), dialect);
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(dialect.delimiter());
            out.write(cell(cells.get(i), dialect));
        }
        out.write(dialect.lineEnding());
    }

    static String cell(String s, CsvDialect dialect) {
        String v = s == null ? "" : s;
        boolean needs = switch (dialect.quote()) {
            case ALL -> true;
            case MINIMAL -> needsQuotes(v, dialect.delimiter());
            case PHP -> needsQuotes(v, dialect.delimiter()) || v.indexOf(' ') >= 0 || v.indexOf('\t') >= 0
                    || v.indexOf('\\') >= 0;
        };
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static boolean needsQuotes(String v, char delimiter) {
        return v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
