package fr.opaline.sandbox.dmp;

import java.util.Map;
import java.util.Set;

/**
 * The sandbox's "matrice d'habilitation": which document types (LOINC typeCode) a profession
 * (TRE_G15) may read in a DMP. A médecin reads every type; a manipulateur d'électroradiologie
 * médicale reads imaging and biology reports; other professions read nothing. A reduced,
 * illustrative version of the DMP's matrix.
 */
public final class HabilitationMatrix {

    public static final String MEDECIN = "10";
    public static final String MANIPULATEUR_ERM = "98";
    private static final Map<String, Set<String>> READABLE = Map.of(
            MANIPULATEUR_ERM, Set.of("18748-4", "11502-2", "52040-3", "85430-7"));

    private HabilitationMatrix() {
    }

    public static boolean mayRead(String profession, String typeCode) {
        if (MEDECIN.equals(profession)) {
            return true;
        }
        Set<String> types = READABLE.get(profession);
        return types != null && types.contains(typeCode);
    }

    /** Whether the profession may consult a DMP at all. */
    public static boolean mayConsult(String profession) {
        return MEDECIN.equals(profession) || READABLE.containsKey(profession);
    }
}
