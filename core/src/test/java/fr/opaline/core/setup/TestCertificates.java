package fr.opaline.core.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** PKCS#12 files made by the JDK's keytool, a peer nobody here wrote. */
final class TestCertificates {

    static final String PASSWORD = "motdepasse-Secret1";

    private TestCertificates() {
    }

    static Path generate(Path dir, String name, String... extensions) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(keytool(), "-genkeypair", "-keystore", file.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-alias", name,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name.toUpperCase() + ",O=Cabinet test,C=FR",
                "-validity", "365"));
        for (String extension : extensions) {
            command.add("-ext");
            command.add(extension);
        }
        run(command);
        return file;
    }

    /** A second key pair in the same file. */
    static void addKey(Path file, String alias) throws IOException, InterruptedException {
        run(List.of(keytool(), "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD, "-keypass", PASSWORD, "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias, "-validity", "365"));
    }

    /** A PKCS#12 holding only the certificate of {@code source} (no private key). */
    static Path certificateOnly(Path dir, Path source, String alias) throws IOException, InterruptedException {
        Path cer = dir.resolve(alias + ".cer");
        run(List.of(keytool(), "-exportcert", "-keystore", source.toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD, "-alias", alias, "-file", cer.toString()));
        Path file = dir.resolve(alias + "-sans-cle.p12");
        run(List.of(keytool(), "-importcert", "-noprompt", "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", alias, "-file", cer.toString()));
        return file;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
