package fr.opaline.sandbox.mss;

import java.util.List;
import java.util.Optional;

/**
 * The fictitious MSSanté world of the sandbox: the practice's mailboxes (test RPPS of the radiologists
 * {@code opaline seed} creates, national identifier 8 + RPPS as the sandbox PSC knows them) and its
 * correspondents, who are also the sandbox directory's content.
 */
public final class SandboxPeople {

    public static final String PRACTICE_DOMAIN = "cabinet-tilleuls.sandbox.mssante.fr";
    public static final String APPLICATIVE = "ris@" + PRACTICE_DOMAIN;
    public static final String ORGANISATIONAL = "secretariat@" + PRACTICE_DOMAIN;
    /** Recipients in this domain bounce (failure DSN), as an address closed at its operator would. */
    public static final String UNREACHABLE_DOMAIN = "inconnu.sandbox.mssante.fr";

    /** A radiologist of the practice with a BAL personnelle. */
    public record Radiologist(String nationalId, String rpps, String address, String name) {
    }

    /**
     * A correspondent in the directory. {@code boxType}: PER, CAB, ORG, APP (TRE_R? typeBAL);
     * {@code readsMail}: the sandbox sends a read receipt (MDN displayed) when asked.
     */
    public record Correspondent(String rpps, String civility, String family, String given, String professionCode,
                                String professionLabel, String specialty, String city, String postalCode,
                                String organisation, String address, String boxType, boolean readsMail) {
        public String displayName() {
            return (civility == null ? "" : civility + " ") + given + " " + family;
        }
    }

    public static final List<Radiologist> RADIOLOGISTS = List.of(
            new Radiologist("899700000000", "99700000000", "claire.lambert@" + PRACTICE_DOMAIN, "Dr Claire LAMBERT"),
            new Radiologist("899700000001", "99700000001", "samuel.okafor@" + PRACTICE_DOMAIN, "Dr Samuel OKAFOR"),
            new Radiologist("899700000002", "99700000002", "helene.lefevre@" + PRACTICE_DOMAIN, "Dr Hélène LEFÈVRE"));

    public static final List<Correspondent> CORRESPONDENTS = List.of(
            new Correspondent("99700010001", "Dr", "MOREAU", "Étienne", "10", "Médecin", "SM54 Médecine générale",
                    "LYON", "69003", "Cabinet médical des Pentes", "etienne.moreau@medecin.sandbox.mssante.fr", "PER", true),
            new Correspondent("99700010002", "Dr", "BERNARD", "Sophie", "10", "Médecin", "SM42 Pneumologie",
                    "VILLEURBANNE", "69100", "Centre de pneumologie du Tonkin", "sophie.bernard@medecin.sandbox.mssante.fr",
                    "PER", false),
            new Correspondent("99700010003", "Dr", "HADDAD", "Karim", "10", "Médecin", "SM47 Rhumatologie", "LYON",
                    "69007", "Cabinet de rhumatologie Jean-Macé", "karim.haddad@medecin.sandbox.mssante.fr", "PER", true),
            new Correspondent("99700010004", "Dr", "ROUX", "Julie", "10", "Médecin", "SM54 Médecine générale",
                    "MARSEILLE", "13006", "Maison de santé Castellane", "julie.roux@medecin.sandbox.mssante.fr", "PER", true),
            new Correspondent("99700010004", "Dr", "ROUX", "Julie", "10", "Médecin", "SM54 Médecine générale",
                    "MARSEILLE", "13006", "Maison de santé Castellane", "accueil@msp-castellane.sandbox.mssante.fr", "ORG",
                    false),
            new Correspondent("99700010005", "Mme", "PETIT", "Anne", "60", "Infirmier", "Infirmier diplômé d'État",
                    "LYON", "69002", "Cabinet infirmier Bellecour", "anne.petit@infirmier.sandbox.mssante.fr", "PER", false),
            new Correspondent(null, null, "CH FICTIF", "Service d'imagerie", null, "Établissement", "Imagerie médicale",
                    "BRON", "69500", "Centre hospitalier fictif de Bron", "imagerie-app@ch-fictif.sandbox.mssante.fr", "APP",
                    false),
            // a mailbox of a cabinet, tied to the practitioner and the structure: on the PractitionerRole only
            new Correspondent("99700010006", "Dr", "LEGRAND", "Claire", "10", "Médecin", "SM54 Médecine générale",
                    "LYON", "69006", "Cabinet médical Foch", "cabinet.foch@medecin.sandbox.mssante.fr", "CAB", true));

    private SandboxPeople() {
    }

    public static Optional<Radiologist> radiologistByAddress(String address) {
        return RADIOLOGISTS.stream().filter(r -> r.address().equalsIgnoreCase(address)).findFirst();
    }

    public static Optional<Correspondent> correspondentByAddress(String address) {
        return CORRESPONDENTS.stream().filter(c -> c.address().equalsIgnoreCase(address)).findFirst();
    }
}
