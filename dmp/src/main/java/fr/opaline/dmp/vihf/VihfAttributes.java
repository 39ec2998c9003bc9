package fr.opaline.dmp.vihf;

/** Names of the VIHF v3 SAML attributes (CI-SIS "Jeton VIHF"). */
public final class VihfAttributes {

    public static final String VERSION = "VIHF_Version";
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String ACTIVITY_SECTOR = "Secteur_Activite";
    public static final String RESOURCE_URN = "Ressource_URN";
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    public static final String STRUCTURE_ID = "Identifiant_Structure";
    public static final String LPS_ID = "LPS_ID";
    public static final String LPS_NAME = "LPS_Nom";
    public static final String LPS_VERSION = "LPS_Version";
    public static final String LPS_HOMOLOGATION = "LPS_ID_HOMOLOGATION_DMP";
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    public static final String AUTHENTICATION_MODE = "Authentification_Mode";

    public static final String VIHF_VERSION = "3.0";
    public static final String DMP_RESOURCE = "urn:dmp";
    public static final String ISSUER_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";

    private VihfAttributes() {
    }
}
