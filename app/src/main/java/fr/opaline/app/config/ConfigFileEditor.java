package fr.opaline.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets keys in a properties file while keeping everything else as the administrator wrote it:
 * comments, order, other keys. An existing assignment is replaced in place; a commented-out
 * example ({@code # key=…}) is replaced by the assignment; other keys are appended. The file is
 * replaced atomically, is created readable by its owner only (it holds passwords) and never
 * left readable by every account.
 */
public final class ConfigFileEditor {

    private static final Pattern COMMENTED = Pattern.compile("^\\s*[#!]\\s*([^=:\\s]+)\\s*[=:].*$");

    private ConfigFileEditor() {
    }

    public static void set(Path file, Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
            List<String> result = new ArrayList<>();
            Map<String, String> pending = new LinkedHashMap<>(entries);
            boolean continuation = false;
            boolean dropping = false;
            for (String line : lines) {
                if (continuation) {
                    continuation = continues(line);
                    if (!dropping) {
                        result.add(line);
                    }
                    continue;
                }
                String key = activeKey(line);
                if (key != null && pending.containsKey(key)) {
                    result.add(assignment(key, pending.remove(key)));
                    dropping = true;
                } else if (key != null && entries.containsKey(key)) {
                    dropping = true; // a second assignment of a key already set above: the last one would win
                } else {
                    result.add(line);
                    dropping = false;
                }
                continuation = key != null && continues(line);
            }
            // Commented-out examples shipped with the file take the new value where they stand.
            for (int i = 0; i < result.size() && !pending.isEmpty(); i++) {
                Matcher m = COMMENTED.matcher(result.get(i));
                if (m.matches() && pending.containsKey(m.group(1))) {
                    String key = m.group(1);
                    result.set(i, assignment(key, pending.remove(key)));
                }
            }
            if (!pending.isEmpty()) {
                if (!result.isEmpty() && !result.get(result.size() - 1).isBlank()) {
                    result.add("");
                }
                result.add("# Ajouté par « opaline setup »");
                pending.forEach((key, value) -> result.add(assignment(key, value)));
            }
            write(file, result);
        } catch (IOException e) {
            throw new ConfigException("Écriture impossible de la configuration " + file + " : " + e.getMessage());
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        boolean posix = Files.getFileStore(temporary).supportsFileAttributeView("posix");
        if (posix) {
            Set<PosixFilePermission> permissions = Files.exists(absolute)
                    ? Files.getPosixFilePermissions(absolute) : PosixFilePermissions.fromString("rw-------");
            permissions.remove(PosixFilePermission.OTHERS_READ);
            permissions.remove(PosixFilePermission.OTHERS_WRITE);
            permissions.remove(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(temporary, permissions);
            if (Files.exists(absolute)) {
                try {
                    Files.setOwner(temporary, Files.getOwner(absolute));
                    Files.getFileAttributeView(temporary, java.nio.file.attribute.PosixFileAttributeView.class)
                            .setGroup(Files.readAttributes(absolute, java.nio.file.attribute.PosixFileAttributes.class).group());
                } catch (IOException | UnsupportedOperationException e) {
                    // not root: the file keeps the editor's ownership, which is the owner's already
                }
            }
        }
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The key an active (non-comment) line assigns, or null. */
    static String activeKey(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\\' && i + 1 < trimmed.length()) {
                key.append(trimmed.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    static String assignment(String key, String value) {
        StringBuilder out = new StringBuilder(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
