package fr.opaline.documents.ins;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity block printed on every document (ANS rules for the INS): the strict traits as
 * the INS téléservice knows them, the used name and first name apart, the matricule INS with
 * its nature only when the identity is qualified, and the identity status. The Datamatrix INS
 * accompanies a qualified identity only.
 */
public record InsCartouche(List<Line> lines, boolean withDatamatrix) {

    public record Line(String label, String value) {
    }

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static InsCartouche of(Patient p) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Nom de naissance", p.traits().birthName()));
        lines.add(new Line("Prénom(s) de naissance", p.traits().birthFirstNames()));
        lines.add(new Line("Premier prénom de naissance", p.traits().firstBirthFirstName()));
        if (p.usedName() != null && !p.usedName().isBlank()) {
            lines.add(new Line("Nom utilisé", p.usedName()));
        }
        if (p.usedFirstName() != null && !p.usedFirstName().isBlank()) {
            lines.add(new Line("Prénom utilisé", p.usedFirstName()));
        }
        lines.add(new Line("Date de naissance", BIRTH.format(p.traits().birthDate())));
        lines.add(new Line("Sexe", p.traits().sex() == Sex.F ? "F" : p.traits().sex() == Sex.M ? "M" : "Inconnu"));
        lines.add(new Line("Lieu de naissance (code INSEE)", p.traits().birthplaceCode() == null ? "non renseigné"
                : p.traits().birthplaceCode()));
        if (p.insQualified()) {
            lines.add(new Line("Matricule INS", formatMatricule(p.ins()) + " (" + nature(p.ins()) + ")"));
        }
        lines.add(new Line("Identité", p.status().label() + (p.insQualified() ? "" : " - INS non transmis")));
        lines.add(new Line("IPP", p.ipp()));
        return new InsCartouche(List.copyOf(lines), p.insQualified());
    }

    public static String nature(InsNumber ins) {
        String base = ins.isNia() ? "NIA" : "NIR";
        return ins.isTest() ? base + " de test" : base;
    }

    /** 1 23 45 67 890 123 45, as on the carte Vitale. */
    public static String formatMatricule(InsNumber ins) {
        String m = ins.matricule();
        if (m.length() != 15) {
            return m;
        }
        return m.charAt(0) + " " + m.substring(1, 3) + " " + m.substring(3, 5) + " " + m.substring(5, 7) + " "
                + m.substring(7, 10) + " " + m.substring(10, 13) + " " + m.substring(13);
    }
}
