package fr.opaline.mss.directory;

/** The FHIR systems of the Annuaire Santé that Opaline reads and writes. */
public final class Fhir {

    public static final String RPPS_SYSTEM = "https://rpps.esante.gouv.fr";
    public static final String IDNPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
    public static final String PROFESSION_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";
    public static final String EMAIL_TYPE_EXTENSION = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type";
    public static final String MESSAGING_TYPE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie";
    public static final String MAILBOX_METADATA_EXTENSION =
            "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata";
    public static final String MAILBOX_TYPE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL";
    /** The Annuaire Santé API key header. */
    public static final String API_KEY_HEADER = "ESANTE-API-KEY";

    private Fhir() {
    }
}
