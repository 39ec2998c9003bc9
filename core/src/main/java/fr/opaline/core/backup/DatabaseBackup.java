package fr.opaline.core.backup;

import static fr.opaline.core.persistence.generated.Tables.AUDIT_HEAD;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opaline.core.common.AtomicFiles;
import fr.opaline.core.common.Json;
import fr.opaline.core.persistence.Database;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Logical backup of the whole database into one zip: a manifest and one JSON-lines file per
 * table, rows in primary-key order, each file with its SHA-256. The same archive restores on
 * H2 or PostgreSQL (an embedded install can move to several seats with it).
 * Restore checks the whole archive before touching the database.
 */
public final class DatabaseBackup {

    private static final String MANIFEST = "manifest.json";
    private static final String TABLES_DIR = "tables/";
    private static final int BATCH = 1_000;
    /** Refuse archives whose entries inflate beyond this (zip bombs). */
    private static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024 * 1024;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final Clock clock;

    public DatabaseBackup(Clock clock) {
        this.clock = clock;
    }

    /** Writes a consistent snapshot of the database to {@code out} (replaced atomically). */
    public BackupManifest write(Database database, Path out) {
        Path absolute = out.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            return AtomicFiles.write(absolute, file -> {
                try (ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                    String version = database.schemaVersion();
                    BackupManifest manifest = database.inSnapshot(ctx -> writeTables(ctx, zip, version, database));
                    zip.putNextEntry(entry(MANIFEST));
                    zip.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                    return manifest;
                }
            });
        } catch (IOException e) {
            throw new BackupException("Écriture de la sauvegarde impossible : " + e.getMessage(), e);
        }
    }

    private BackupManifest writeTables(DSLContext ctx, ZipOutputStream zip, String version, Database database) {
        List<BackupManifest.TableEntry> entries = new ArrayList<>();
        try {
            for (Table<?> table : TableOrder.parentsFirst()) {
                zip.putNextEntry(entry(TABLES_DIR + table.getName() + ".jsonl"));
                MessageDigest digest = sha256();
                OutputStream digesting = new DigestingStream(zip, digest);
                long rows = writeRows(ctx, table, digesting);
                zip.closeEntry();
                entries.add(new BackupManifest.TableEntry(table.getName(), rows,
                        HexFormat.of().formatHex(digest.digest())));
            }
        } catch (IOException e) {
            throw new BackupException("Écriture de la sauvegarde impossible : " + e.getMessage(), e);
        }
        var auditHead = ctx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        return new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, version, clock.instant(),
                database.dialect().getName(), entries, auditHead == null ? null : auditHead.getLastSeq(),
                auditHead == null ? null : auditHead.getLastHash());
    }

    private static long writeRows(DSLContext ctx, Table<?> table, OutputStream out) throws IOException {
        long rows = 0;
        JsonFactory factory = MAPPER.getFactory();
        var query = ctx.selectFrom(table).orderBy(primaryKeyOrder(table)).fetchSize(BATCH);
        try (var cursor = query.fetchLazy()) {
            for (Record record : cursor) {
                JsonGenerator json = factory.createGenerator(out);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                for (Field<?> field : table.fields()) {
                    json.writeFieldName(field.getName());
                    writeValue(json, record.get(field));
                }
                json.writeEndObject();
                json.flush();
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }

    private static List<? extends Field<?>> primaryKeyOrder(Table<?> table) {
        return table.getPrimaryKey() == null ? List.of(table.fields()) : table.getPrimaryKey().getFields();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof byte[] bytes) {
            json.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else {
            json.writeString(value.toString());
        }
    }

    /** Reads and checks an archive's manifest and every table digest, without touching a database. */
    public BackupManifest verify(Path in) {
        try (ZipFile zip = open(in)) {
            BackupManifest manifest = readManifest(zip);
            for (BackupManifest.TableEntry table : manifest.tables()) {
                ZipEntry entry = tableEntry(zip, table.name());
                MessageDigest digest = sha256();
                long lines = 0;
                try (InputStream raw = bounded(zip.getInputStream(entry));
                     BufferedReader reader = new BufferedReader(new InputStreamReader(
                             new DigestInputStream(raw, digest), StandardCharsets.UTF_8))) {
                    while (reader.readLine() != null) {
                        lines++;
                    }
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256()) || lines != table.rows()) {
                    throw new BackupException("Sauvegarde altérée : la table " + table.name()
                            + " ne correspond pas à son empreinte. Restauration refusée.");
                }
            }
            return manifest;
        } catch (IOException e) {
            throw new BackupException("Lecture de la sauvegarde impossible : " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the whole content of the database with the archive's. The archive is verified
     * first; the schema is rebuilt at the archive's version, the rows are inserted in one
     * transaction, then the schema is migrated to the current version.
     */
    public BackupManifest restore(Database database, Path in) {
        BackupManifest manifest = verify(in);
        database.clean();
        database.migrateTo(manifest.schemaVersion());
        try (ZipFile zip = open(in)) {
            database.inTransactionRun(ctx -> {
                List<Table<?>> order = TableOrder.parentsFirst();
                for (int i = order.size() - 1; i >= 0; i--) {
                    ctx.deleteFrom(order.get(i)).execute(); // rows the migrations themselves inserted
                }
                Map<String, Table<?>> byName = new HashMap<>();
                order.forEach(t -> byName.put(t.getName(), t));
                for (Table<?> table : order) {
                    if (manifest.tables().stream().anyMatch(e -> e.name().equals(table.getName()))) {
                        insertRows(ctx, table, zip, tableEntry(zip, table.getName()));
                    }
                }
            });
        } catch (IOException e) {
            throw new BackupException("Lecture de la sauvegarde impossible : " + e.getMessage(), e);
        }
        database.migrate();
        return manifest;
    }

    private static void insertRows(DSLContext ctx, Table<?> table, ZipFile zip, ZipEntry entry) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(bounded(zip.getInputStream(entry)),
                StandardCharsets.UTF_8))) {
            List<TableRecord<?>> batch = new ArrayList<>(BATCH);
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode row = MAPPER.readTree(line);
                if (!(row instanceof ObjectNode object)) {
                    throw new BackupException("Ligne illisible dans la table " + table.getName());
                }
                TableRecord<?> record = (TableRecord<?>) ctx.newRecord(table);
                for (Field<?> field : table.fields()) {
                    JsonNode value = object.get(field.getName());
                    setValue(record, field, value);
                }
                batch.add(record);
                if (batch.size() == BATCH) {
                    ctx.batchInsert(batch).execute();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                ctx.batchInsert(batch).execute();
            }
        } catch (IOException e) {
            throw new BackupException("Lecture de la table " + table.getName() + " impossible : " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setValue(Record record, Field<?> field, JsonNode value) {
        if (value == null || value.isNull()) {
            record.set((Field) field, null);
            return;
        }
        Class<?> type = field.getType();
        Object converted;
        if (type == String.class) {
            converted = value.asText();
        } else if (type == UUID.class) {
            converted = UUID.fromString(value.asText());
        } else if (type == Instant.class) {
            converted = Instant.parse(value.asText());
        } else if (type == LocalDate.class) {
            converted = LocalDate.parse(value.asText());
        } else if (type == Boolean.class) {
            converted = value.asBoolean();
        } else if (type == Integer.class) {
            converted = value.asInt();
        } else if (type == Long.class) {
            converted = value.asLong();
        } else if (type == BigDecimal.class) {
            converted = value.decimalValue();
        } else if (type == byte[].class) {
            converted = Base64.getDecoder().decode(value.asText());
        } else {
            throw new BackupException("Type de colonne non pris en charge : " + field.getName() + " (" + type + ")");
        }
        record.set((Field) field, converted);
    }

    private static ZipFile open(Path in) throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new BackupException("Fichier de sauvegarde introuvable : " + in);
        }
        ZipFile zip = new ZipFile(in.toFile(), StandardCharsets.UTF_8);
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            boolean expected = name.equals(MANIFEST)
                    || (name.startsWith(TABLES_DIR) && name.endsWith(".jsonl")
                    && name.substring(TABLES_DIR.length()).matches("[a-z0-9_]+\\.jsonl"));
            if (!expected) {
                zip.close();
                throw new BackupException("Ce fichier n'est pas une sauvegarde Opaline (entrée inattendue « " + name + " »).");
            }
        }
        return zip;
    }

    private static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException("Ce fichier n'est pas une sauvegarde Opaline (manifeste absent).");
        }
        BackupManifest manifest;
        try (InputStream in = bounded(zip.getInputStream(entry))) {
            manifest = MAPPER.readValue(in, BackupManifest.class);
        }
        if (!BackupManifest.FORMAT.equals(manifest.format()) || manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw new BackupException("Format de sauvegarde non reconnu : " + manifest.format() + " v" + manifest.formatVersion());
        }
        if (manifest.schemaVersion() == null || manifest.tables() == null) {
            throw new BackupException("Manifeste de sauvegarde incomplet.");
        }
        return manifest;
    }

    private static ZipEntry tableEntry(ZipFile zip, String table) {
        ZipEntry entry = zip.getEntry(TABLES_DIR + table + ".jsonl");
        if (entry == null) {
            throw new BackupException("Sauvegarde incomplète : la table " + table + " manque.");
        }
        return entry;
    }

    private static InputStream bounded(InputStream in) {
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++read > MAX_ENTRY_BYTES) {
                    throw new BackupException("Sauvegarde refusée : une entrée dépasse la taille admise.");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    read += n;
                    if (read > MAX_ENTRY_BYTES) {
                        throw new BackupException("Sauvegarde refusée : une entrée dépasse la taille admise.");
                    }
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L);
        return entry;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds the digest with what goes through, without closing the zip under it. */
    private static final class DigestingStream extends FilterOutputStream {
        private final MessageDigest digest;

        DigestingStream(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
        }

        @Override
        public void close() {
            // the zip entry is closed by the caller
        }
    }
}
