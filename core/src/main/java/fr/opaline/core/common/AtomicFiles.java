package fr.opaline.core.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written beside their target ({@code <name>.part}) then moved into place: a reader never
 * sees half a file, and a failed write leaves the previous file as it was and no part behind.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What writes the content; its result is returned once the file is in place. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    public static <T> T write(Path target, Content<T> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            T result;
            try (OutputStream out = Files.newOutputStream(partial)) {
                result = content.writeTo(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the write's own outcome is what the caller learns
            }
        }
    }
}
