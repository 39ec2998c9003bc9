package fr.opaline.hl7.transmission;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DMP/MSSanté restriction metadata of the CI-SIS (table "MetaDMPMSS"), one OBX each, in the
 * order the specification requires. Y/N as chosen when the document was validated.
 */
public record DocumentMetadata(boolean maskedFromProfessionals, boolean invisibleToPatient,
                               boolean invisibleToLegalRepresentatives, boolean secretConnection,
                               boolean confidentialityChanged, boolean toDmp, boolean toMssanteProfessionals,
                               boolean toMssantePatient, boolean receptionAckWanted, boolean readAckWanted) {

    public static final String CODE_SYSTEM = "MetaDMPMSS";

    /** Code → label, in message order. */
    public static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("MASQUE_PS", "Masqué aux professionnels de Santé");
        LABELS.put("INVISIBLE_PATIENT", "Document Non Visible par le patient");
        LABELS.put("INVISIBLE_REP_LEGAUX", "Non visible par les représentants Légaux du patient");
        LABELS.put("CONNEXION_SECRETE", "Connexion Secrete");
        LABELS.put("MODIF_CONF_CODE", "Modification Confidentiality Code");
        LABELS.put("DESTDMP", "Destinataire DMP");
        LABELS.put("DESTMSSANTEPS", "Destinataire (Professionnel de Santé, organisation ou BAL applicative)");
        LABELS.put("DESTMSSANTEPAT", "Destinataire Patient");
        LABELS.put("ACK_RECEPTION", "Accusé de réception");
        LABELS.put("ACK_LECTURE_MSS", "Accusé de lecture");
    }

    /** Code → value, in message order. */
    public Map<String, Boolean> values() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("MASQUE_PS", maskedFromProfessionals);
        m.put("INVISIBLE_PATIENT", invisibleToPatient);
        m.put("INVISIBLE_REP_LEGAUX", invisibleToLegalRepresentatives);
        m.put("CONNEXION_SECRETE", secretConnection);
        m.put("MODIF_CONF_CODE", confidentialityChanged);
        m.put("DESTDMP", toDmp);
        m.put("DESTMSSANTEPS", toMssanteProfessionals);
        m.put("DESTMSSANTEPAT", toMssantePatient);
        m.put("ACK_RECEPTION", receptionAckWanted);
        m.put("ACK_LECTURE_MSS", readAckWanted);
        return m;
    }

    /** Reads the flags from the OBX codes of a received message; absent flags read as N. */
    public static DocumentMetadata fromCodes(Map<String, Boolean> v) {
        return new DocumentMetadata(v.getOrDefault("MASQUE_PS", false), v.getOrDefault("INVISIBLE_PATIENT", false),
                v.getOrDefault("INVISIBLE_REP_LEGAUX", false), v.getOrDefault("CONNEXION_SECRETE", false),
                v.getOrDefault("MODIF_CONF_CODE", false), v.getOrDefault("DESTDMP", false),
                v.getOrDefault("DESTMSSANTEPS", false), v.getOrDefault("DESTMSSANTEPAT", false),
                v.getOrDefault("ACK_RECEPTION", false), v.getOrDefault("ACK_LECTURE_MSS", false));
    }
}
