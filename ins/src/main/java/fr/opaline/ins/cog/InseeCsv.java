package fr.opaline.ins.cog;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an INSEE COG CSV file as published: a header line, comma separated (semicolon and tab
 * accepted for older or re-saved files), fields optionally quoted, UTF-8 (Windows-1252 accepted).
 * Column names are read case-insensitively.
 */
final class InseeCsv {

    static final long MAX_BYTES = 64L * 1024 * 1024;

    final Path file;
    final List<String> columns;
    final List<Map<String, String>> rows;

    private InseeCsv(Path file, List<String> columns, List<Map<String, String>> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    static InseeCsv read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new CogFormatException(file.getFileName() + " : fichier trop volumineux pour un fichier du COG.");
        }
        String text = decode(Files.readAllBytes(file));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int eol = text.indexOf('\n');
        String header = eol < 0 ? text : text.substring(0, eol);
        char separator = header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(new StringReader(text))) {
            while (it.hasNextValue()) {
                Map<String, String> raw = it.nextValue();
                Map<String, String> row = new LinkedHashMap<>();
                raw.forEach((k, v) -> row.put(k.trim().toUpperCase(Locale.ROOT), v == null ? null : v.trim()));
                if (columns.isEmpty()) {
                    columns.addAll(row.keySet());
                }
                rows.add(row);
            }
        } catch (RuntimeException e) {
            throw new CogFormatException(file.getFileName() + " : CSV illisible (" + e.getMessage() + ").");
        }
        if (columns.isEmpty()) {
            for (String c : header.split(String.valueOf(separator))) {
                columns.add(c.replace("\"", "").trim().toUpperCase(Locale.ROOT));
            }
        }
        return new InseeCsv(file, columns, rows);
    }

    boolean has(String... names) {
        for (String n : names) {
            if (!columns.contains(n)) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252").decode(ByteBuffer.wrap(bytes)).toString();
        }
    }
}
