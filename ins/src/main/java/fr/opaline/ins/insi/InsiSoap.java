package fr.opaline.ins.insi;

import fr.opaline.platform.soap.Soap12;

/**
 * The téléservice INSi's SOAP 1.2 vocabulary (service "ServiceIdentiteCertifiee" v1, WSDL
 * DESIR_ICIR_EXP): operations, WS-Addressing actions, namespaces of the bodies and headers.
 */
public final class InsiSoap {

    public static final String SOAP_NS = Soap12.NAMESPACE;
    public static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    public static final String CTXBAM_NS = "urn:siram:bam:ctxbam";
    public static final String CTXLPS_NS = "urn:siram:lps:ctxlps";
    public static final String SIRAM_NS = "urn:siram";
    public static final String RECSANS_NS = "http://www.cnamts.fr/INSiRecSans";
    public static final String RECVIT_NS = "http://www.cnamts.fr/INSiRecVit";
    public static final String RESULTAT_NS = "http://www.cnamts.fr/INSiResultat";
    /** Vérification (guichet unitaire "INSiLot2"): request and response namespaces. */
    public static final String VERIF_REQ_NS = "http://www.cnamts.fr/INSiLot2/REQUnitaire";
    public static final String VERIF_REP_NS = "http://www.cnamts.fr/INSiLot2/REPUnitaire";

    public static final String ACTION_PREFIX = "urn:ServiceIdentiteCertifiee:1.0.0:";
    public static final String OP_BY_TRAITS = "rechercherInsAvecTraitsIdentite";
    public static final String OP_BY_CARTE_VITALE = "rechercherInsAvecCarteVitale";
    public static final String OP_VERIFY = "verifierInsAvecTraitsIdentite";

    public static final String CONTENT_TYPE = Soap12.CONTENT_TYPE;

    private InsiSoap() {
    }

    public static String action(String operation) {
        return ACTION_PREFIX + operation;
    }

    /** The operation named by a WS-Addressing action, or null when it is not one of INSi's. */
    public static String operationOf(String action) {
        if (action == null || !action.startsWith(ACTION_PREFIX)) {
            return null;
        }
        String op = action.substring(ACTION_PREFIX.length());
        return op.equals(OP_BY_TRAITS) || op.equals(OP_BY_CARTE_VITALE) || op.equals(OP_VERIFY) ? op : null;
    }
}
