package fr.opaline.app.cli;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.persistence.H2FileEncryption;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code opaline db encrypt} and {@code db decrypt}: AES encryption of the embedded H2 file. */
final class DbEncryptionCommands {

    private DbEncryptionCommands() {
    }

    @Command(name = "encrypt", description = {
            "Chiffre (AES) le fichier de la base H2 embarquée avec le mot de passe « db.filePassword » de la",
            "configuration. Arrêtez d'abord le serveur et les postes."})
    static final class Encrypt extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return change(this, true);
        }
    }

    @Command(name = "decrypt", description = {
            "Déchiffre le fichier de la base H2 embarquée (mot de passe « db.filePassword » de la configuration) ;",
            "retirez ensuite db.filePassword de la configuration."})
    static final class Decrypt extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return change(this, false);
        }
    }

    private static int change(Subcommand command, boolean encrypt) {
        OpalineConfig config = command.config();
        String password = config.get("db.filePassword").orElseThrow(() -> new ConfigException(
                "ajoutez d'abord « db.filePassword=<mot de passe> » à " + config.file() + " (sans espace, gardez-en une"
                        + " copie en lieu sûr : sans lui la base est illisible), puis relancez"));
        DatabaseSettings encrypted = config.database();
        DatabaseSettings plain = config.with("db.filePassword", "").database();
        H2FileEncryption file;
        try {
            file = H2FileEncryption.of(plain);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        if (!Files.isRegularFile(file.file())) {
            throw new ConfigException("aucune base à " + (encrypt ? "chiffrer" : "déchiffrer") + " : " + file.file());
        }
        DatabaseSettings before = encrypt ? plain : encrypted;
        DatabaseSettings after = encrypt ? encrypted : plain;
        if (opens(after) && !opens(before)) {
            throw new IllegalArgumentException("la base est déjà " + (encrypt ? "chiffrée" : "en clair") + " : rien à faire");
        }
        if (!opens(before)) {
            throw new IllegalArgumentException(encrypt
                    ? "la base ne s'ouvre pas en clair (déjà chiffrée avec un autre mot de passe ?)"
                    : "la base ne s'ouvre pas avec db.filePassword : mot de passe incorrect ?");
        }
        char[] secret = password.toCharArray();
        if (encrypt) {
            file.encrypt(secret);
        } else {
            file.decrypt(secret);
        }
        if (!opens(after)) {
            file.rollBack();
            throw new IllegalStateException("la base " + (encrypt ? "chiffrée" : "déchiffrée")
                    + " ne s'ouvre pas : elle a été remise dans son état d'avant");
        }
        file.discardCopy();
        command.out().println(encrypt
                ? "Base chiffrée (AES) : " + file.file() + ". Gardez db.filePassword dans la configuration et une copie"
                        + " du mot de passe en lieu sûr."
                : "Base déchiffrée : " + file.file() + ". Retirez maintenant db.filePassword de la configuration.");
        return 0;
    }

    private static boolean opens(DatabaseSettings settings) {
        // A bare connection, not a pool: a refused password is an answer here, not an error to log.
        String url = settings.jdbcUrl() + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url, settings.user(), settings.password())) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }
}
