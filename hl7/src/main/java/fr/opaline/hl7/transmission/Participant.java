package fr.opaline.hl7.transmission;

/**
 * A PRT participant (segment pre-adopted from v2.9): the sender of the request (SB) — the
 * professional (IDNPS) or device and the structure, which the PFI needs to build the VIHF token
 * (SC.DMP/CONF.12) — or an MSSanté recipient (RCT), or the reply address (REPLY).
 *
 * @param personId        IDNPS, RPPS or INS matricule; null for an organisation or a device
 * @param personIdType    table 0203 (IDNPS, RPPS, INS)
 * @param personAuthority OID of the identifier
 * @param organisationIdType FINEG, FINEJ, IDNST…
 * @param deviceId        identifier of a sending/receiving application, when it is one
 * @param email           MSSanté address (PRT-15.4), null for the sender
 */
public record Participant(String role, String personId, String family, String given, String personIdType,
                          String personAuthorityName, String personAuthority, String organisationName,
                          String organisationIdType, String organisationId, String deviceId, String email) {

    public static final String SENT_BY = "SB";
    public static final String RESULT_COPIES_TO = "RCT";
    public static final String REPLY_TO = "REPLY";

    public static Participant sender(String idnps, String family, String given, String organisationName,
                                     String organisationIdType, String organisationId) {
        return new Participant(SENT_BY, idnps, family, given, "IDNPS", "ASIP-SANTE-PS", "1.2.250.1.71.4.2.1",
                organisationName, organisationIdType, organisationId, null, null);
    }

    public static Participant mssanteRecipient(String rpps, String family, String given, String email) {
        return new Participant(RESULT_COPIES_TO, rpps, family, given, rpps == null ? null : "RPPS", "ASIP-SANTE-PS",
                rpps == null ? null : "1.2.250.1.71.4.2.1", null, null, null, null, email);
    }

    public static Participant replyTo(String email) {
        return new Participant(REPLY_TO, null, null, null, null, null, null, null, null, null, null, email);
    }
}
