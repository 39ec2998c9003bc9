package fr.opaline.core.setup;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the answers of the first-run setup, each on its own and together (at least one site
 * identifier, distinct ports, a certificate with the password that opens it), and saves the
 * practice's identity in the database for every workstation. Values bound to one machine
 * (ports, certificates, PSC client, mailboxes) are the caller's to write to its configuration.
 */
public final class FirstRunSetup {

    public static final String AUDIT_ACTION = "PRACTICE_SETTINGS_CHANGED";
    private static final List<String> SITE_IDENTIFIERS = List.of(PracticeSettings.FINESS, PracticeSettings.SIRET,
            PracticeSettings.RPPS_RANG);
    private static final List<String> PORTS = List.of(SetupFields.WORKLIST_PORT, SetupFields.HL7_PORT,
            SetupFields.HEALTH_PORT);
    private static final List<String> CERTIFICATES = List.of(SetupFields.ESTABLISHMENT_CERTIFICATE,
            SetupFields.SIGNATURE_CERTIFICATE, SetupFields.MSSANTE_CERTIFICATE);

    private final CertificateInspector certificates;

    public FirstRunSetup(Clock clock) {
        this.certificates = new CertificateInspector(clock);
    }

    /**
     * @param answers new values by key; a blank answer keeps the current value
     * @param current values already in place (database and configuration), for the checks that
     *                look at several entries together
     */
    public SetupReport validate(Map<String, String> answers, Map<String, String> current) {
        Map<String, String> accepted = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            String value = answer.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            SetupField field = SetupFields.byKey(answer.getKey()).orElse(null);
            if (field == null) {
                errors.put(answer.getKey(), "Entrée inconnue : " + answer.getKey());
                continue;
            }
            List<String> fieldWarnings = new ArrayList<>();
            try {
                accepted.put(field.key(), field.check().normalise(value, fieldWarnings));
                fieldWarnings.forEach(w -> warnings.add(field.label() + " : " + w));
            } catch (IllegalArgumentException e) {
                errors.put(field.key(), e.getMessage());
            }
        }
        Map<String, String> merged = new HashMap<>(current);
        merged.putAll(accepted);
        if (SITE_IDENTIFIERS.stream().allMatch(k -> blank(merged.get(k))) && SITE_IDENTIFIERS.stream()
                .noneMatch(errors::containsKey)) {
            errors.put(PracticeSettings.FINESS, "Indiquez au moins un identifiant du site : FINESS, SIRET ou RPPS-rang");
        }
        checkPortsDistinct(merged, accepted, errors);
        Map<String, CertificateInspector.Summary> summaries = new LinkedHashMap<>();
        for (String certificate : CERTIFICATES) {
            inspectCertificate(certificate, merged, accepted, errors, warnings, summaries);
        }
        return new SetupReport(accepted, errors, warnings, summaries);
    }

    private static void checkPortsDistinct(Map<String, String> merged, Map<String, String> accepted,
                                           Map<String, String> errors) {
        Map<String, String> byPort = new HashMap<>();
        for (String key : PORTS) {
            String port = merged.get(key);
            if (blank(port)) {
                continue;
            }
            String other = byPort.putIfAbsent(port.trim(), key);
            if (other != null) {
                String blamed = accepted.containsKey(key) ? key : other;
                errors.putIfAbsent(blamed, "Le port " + port.trim() + " est déjà pris par « "
                        + SetupFields.byKey(blamed.equals(key) ? other : key).orElseThrow().label() + " »");
            }
        }
    }

    private void inspectCertificate(String certificate, Map<String, String> merged, Map<String, String> accepted,
                                    Map<String, String> errors, List<String> warnings,
                                    Map<String, CertificateInspector.Summary> summaries) {
        String fileKey = certificate + SetupFields.FILE;
        String passwordKey = certificate + SetupFields.PASSWORD;
        boolean answered = accepted.containsKey(fileKey) || accepted.containsKey(passwordKey);
        if (!answered || errors.containsKey(fileKey)) {
            return;
        }
        String file = merged.get(fileKey);
        String password = merged.get(passwordKey);
        if (blank(file)) {
            errors.put(fileKey, "Indiquez le fichier .p12 du certificat");
            return;
        }
        if (password == null) {
            errors.put(passwordKey, "Indiquez le mot de passe du certificat");
            return;
        }
        String label = SetupFields.byKey(fileKey).orElseThrow().label();
        try {
            CertificateInspector.Summary summary = certificates.inspect(Path.of(file), password.toCharArray(),
                    !certificate.equals(SetupFields.SIGNATURE_CERTIFICATE));
            summaries.put(certificate, summary);
            summary.warnings().forEach(w -> warnings.add(label + " : " + w));
        } catch (IllegalArgumentException e) {
            errors.put(e.getMessage().startsWith("Mot de passe") ? passwordKey : fileKey, e.getMessage());
        }
    }

    /** Saves the accepted practice settings in one transaction, with one audit event naming the keys. */
    public void saveToDatabase(Database database, AuditTrail audit, SetupReport report, Actor actor) {
        if (!report.ok()) {
            throw new IllegalStateException("Setup answers with errors cannot be saved");
        }
        Map<String, String> values = report.accepted(SetupField.Storage.DATABASE);
        if (values.isEmpty()) {
            return;
        }
        Set<String> keys = new TreeSet<>(values.keySet());
        database.inTransactionRun(ctx -> {
            values.forEach((key, value) -> PracticeSettings.put(ctx, key, value));
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, null).withDetail(String.join(", ", keys)));
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
