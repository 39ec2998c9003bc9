package fr.opaline.worklist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DCMTK's {@code findscu -W} against the SCP: responses extracted to files (-X) and read back
 * with {@code dcmdump +U8}, which converts every value to UTF-8 from the character set the
 * response declares — so a test sees what a modality would display.
 */
public final class FindScu {

    /**
     * One response identifier as dcmdump prints it: {@code dump} converted to UTF-8 (+U8, which
     * also rewrites (0008,0005)), {@code declaredCharset} as the SCP stated it.
     */
    public record Response(String dump, String declaredCharset) {
        private static final Pattern LINE = Pattern.compile("^(\\s*)\\(([0-9a-f]{4},[0-9a-f]{4})\\) (\\w\\w) (.*?)\\s+#",
                Pattern.MULTILINE);

        /** The value of a top-level attribute ("0010,0010"), trimmed; empty if present without value. */
        public Optional<String> value(String tag) {
            return valueAt(tag, 0);
        }

        /** The first value of an attribute at any depth ("0040,0001"). */
        public Optional<String> nested(String tag) {
            return valueAt(tag, -1);
        }

        private Optional<String> valueAt(String tag, int depth) {
            Matcher m = LINE.matcher(dump);
            while (m.find()) {
                if (m.group(2).equalsIgnoreCase(tag) && (depth < 0 || m.group(1).length() == depth)) {
                    String raw = m.group(4);
                    if (raw.startsWith("[")) {
                        return Optional.of(raw.substring(1, raw.lastIndexOf(']')).trim());
                    }
                    return Optional.of(raw.startsWith("(no value") ? "" : raw.trim());
                }
            }
            return Optional.empty();
        }

        public String name() {
            return value("0010,0010").orElseThrow();
        }
    }

    /** A findscu run: exit code, console output, extracted responses in order. */
    public record Result(int exit, String console, List<Response> responses) {
        public List<String> names() {
            return responses.stream().map(Response::name).toList();
        }
    }

    private FindScu() {
    }

    /** Runs findscu with the given options (-k keys…) and reads every response back. */
    public static Result run(Path dir, int port, String... options) {
        return run(dir, port, null, options);
    }

    /** Runs findscu with a query file (options still apply) and reads every response back. */
    public static Result run(Path dir, int port, Path queryFile, String... options) {
        try {
            Path out = Files.createTempDirectory(dir, "rsp");
            List<String> args = new ArrayList<>(List.of("-W", "-v", "-aec", WorklistTestBed.AE, "-X", "-od", out.toString()));
            args.addAll(List.of(options));
            args.add("127.0.0.1");
            args.add(String.valueOf(port));
            if (queryFile != null) {
                args.add(queryFile.toString());
            }
            Dcmtk.Run run = Dcmtk.run(dir, "findscu", args.toArray(String[]::new));
            List<String> files;
            try (Stream<Path> listing = Files.list(out)) {
                files = listing.sorted().map(Path::toString).toList();
            }
            List<Response> responses = new ArrayList<>();
            if (!files.isEmpty()) {
                List<String> converted = dumpEach(dir, files, "+U8");
                List<String> raw = dumpEach(dir, files, "+P", "0008,0005");
                for (int i = 0; i < files.size(); i++) {
                    Matcher stated = Pattern.compile("\\[(.*?)\\]").matcher(raw.get(i));
                    responses.add(new Response(converted.get(i), stated.find() ? stated.group(1).trim() : ""));
                }
            }
            return new Result(run.exit(), run.all(), responses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dcmdump run over all files, split back into one dump per file. */
    private static List<String> dumpEach(Path dir, List<String> files, String... options) {
        List<String> args = new ArrayList<>(List.of("+F"));
        args.addAll(List.of(options));
        args.addAll(files);
        Dcmtk.Run dump = Dcmtk.run(dir, "dcmdump", args.toArray(String[]::new));
        assertThat(dump.exit()).as(dump.err()).isZero();
        String[] parts = dump.out().split("(?m)^# dcmdump \\(\\d+/\\d+\\): .*$");
        List<String> dumps = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            dumps.add(parts[i]);
        }
        assertThat(dumps).hasSize(files.size());
        return dumps;
    }

    /**
     * A query file made by DCMTK's dump2dcm from dump text whose values are encoded in
     * {@code valueBytes} — how a modality's query with accents is built without Opaline's encoder.
     */
    public static Path queryFile(Path dir, String name, String dump, Charset valueBytes) {
        try {
            Path text = dir.resolve(name + ".dump");
            Files.write(text, dump.getBytes(valueBytes));
            Path file = dir.resolve(name + ".dcm");
            Dcmtk.Run run = Dcmtk.run(dir, "dump2dcm", text.toString(), file.toString());
            assertThat(run.exit()).as(run.all()).isZero();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
