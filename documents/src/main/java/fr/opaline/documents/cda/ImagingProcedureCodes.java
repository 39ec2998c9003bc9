package fr.opaline.documents.cda;

import fr.opaline.core.catalogue.Modality;
import java.util.Map;

/**
 * LOINC codes of imaging procedures from JDV_CodesDocumentImagerie_CISIS
 * (1.2.250.1.213.1.1.5.687), chosen by modality and ANS anatomical region (SNOMED CT of
 * JDV_RegionAnatomique_CISIS); a modality-wide code when the region has no specific one.
 */
public final class ImagingProcedureCodes {

    public record Code(String code, String displayName) {
    }

    /** SNOMED CT codes of the ANS anatomical regions (JDV_J61), shared with the fictitious catalogue. */
    public static final String THORAX = "67734004";
    public static final String ABDO_PELVIS = "63337009";
    public static final String HEAD_NECK = "774007";
    public static final String SPINE = "737561001";
    public static final String LOWER_LIMB = "61685007";
    public static final String UPPER_LIMB = "53120007";
    public static final String BREAST = "76752008";
    public static final String WHOLE_BODY = "38266002";
    public static final String HEART = "80891009";

    private static final Map<String, Code> BY_MODALITY_AND_REGION = Map.ofEntries(
            Map.entry("CT/" + THORAX, new Code("24627-2", "CT thorax")),
            Map.entry("CT/" + ABDO_PELVIS, new Code("44115-4", "CT abdomen et pelvis")),
            Map.entry("CT/" + HEAD_NECK, new Code("24725-4", "CT tête")),
            Map.entry("CT/" + SPINE, new Code("28566-8", "CT rachis")),
            Map.entry("CT/" + LOWER_LIMB, new Code("35971-1", "CT membre inférieur")),
            Map.entry("CT/" + UPPER_LIMB, new Code("35981-0", "CT membre supérieur")),
            Map.entry("CT/" + WHOLE_BODY, new Code("46305-9", "CT corps entier")),
            Map.entry("CT/" + HEART, new Code("58744-4", "CT coeur")),
            Map.entry("MR/" + HEART, new Code("24748-6", "RM coeur")),
            Map.entry("US/" + ABDO_PELVIS, new Code("24558-9", "échographie abdomen")),
            Map.entry("US/" + BREAST, new Code("24601-7", "échographie sein")),
            Map.entry("US/" + THORAX, new Code("24630-6", "échographie thorax")),
            Map.entry("US/" + HEAD_NECK, new Code("44164-2", "échographie tête et cou")),
            Map.entry("US/" + LOWER_LIMB, new Code("30709-0", "échographie membre inférieur")),
            Map.entry("US/" + UPPER_LIMB, new Code("30710-8", "échographie membre supérieur")),
            Map.entry("US/" + HEART, new Code("42148-7", "échographie coeur")),
            Map.entry("DX/" + THORAX, new Code("30745-4", "RX thorax ; incidences")),
            Map.entry("DX/" + LOWER_LIMB, new Code("24686-8", "RX membre inférieur ; incidences")),
            Map.entry("DX/" + UPPER_LIMB, new Code("24689-2", "RX membre supérieur ; incidences")),
            Map.entry("DX/" + SPINE, new Code("28613-8", "RX rachis ; incidences")),
            Map.entry("DX/" + ABDO_PELVIS, new Code("37636-8", "RX abdomen ; incidences")),
            Map.entry("NM/" + HEART, new Code("39650-7", "MN coeur ; incidences avec radionucléide IV")),
            Map.entry("NM/" + HEAD_NECK, new Code("30695-1", "MN glande thyroïde ; incidences avec radionucléide IV")));

    private static final Map<Modality, Code> BY_MODALITY = Map.of(
            Modality.CT, new Code("25045-6", "CT"),
            Modality.MR, new Code("25056-3", "RM"),
            Modality.US, new Code("25061-3", "échographie"),
            Modality.DX, new Code("43468-8", "RX ; incidences"),
            Modality.CR, new Code("43468-8", "RX ; incidences"),
            Modality.MG, new Code("36625-2", "MG sein ; incidences"),
            Modality.NM, new Code("39818-0", "MN os du corps entier ; incidences avec radionucléide IV"),
            Modality.PT, new Code("39818-0", "MN os du corps entier ; incidences avec radionucléide IV"));

    /** The JDV_LocalisationAnatomique_CISIS concept for a whole anatomical region (technique entries). */
    private static final Map<String, Code> LOCALISATION = Map.of(
            THORAX, new Code("302551006", "thorax entier"),
            ABDO_PELVIS, new Code("822978001", "cavité abdominopelvienne entière"),
            HEAD_NECK, new Code("302548004", "tête entière"),
            SPINE, new Code("44300000", "colonne vertébrale entière"),
            LOWER_LIMB, new Code("182281004", "membre inférieur entier"),
            UPPER_LIMB, new Code("182245002", "membre supérieur entier"),
            BREAST, new Code("181131000", "sein entier"),
            WHOLE_BODY, new Code("38266002", "corps entier"),
            HEART, new Code("302509004", "cœur entier"));

    private ImagingProcedureCodes() {
    }

    /** The anatomical localisation of a region, or null when the region has none in the value set. */
    public static Code localisation(String regionCode) {
        return regionCode == null ? null : LOCALISATION.get(regionCode);
    }

    public static Code of(Modality modality, String regionCode) {
        Modality family = modality == Modality.CR ? Modality.DX : modality;
        Code specific = BY_MODALITY_AND_REGION.get(family.name() + "/" + regionCode);
        return specific != null ? specific : BY_MODALITY.get(modality);
    }

    /** Every code this table can produce (tests check them against the value set). */
    public static java.util.Set<String> allCodes() {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        BY_MODALITY_AND_REGION.values().forEach(c -> codes.add(c.code()));
        BY_MODALITY.values().forEach(c -> codes.add(c.code()));
        return codes;
    }

    /** DICOM modality display names of JDV_ModaliteAcquisition_CISIS (1.2.250.1.213.1.1.5.618). */
    public static String modalityDisplayName(Modality modality) {
        return switch (modality) {
            case CR -> "Radiographie assistée par ordinateur";
            case DX -> "Radiographie numérique";
            case MG -> "Mammographie";
            case CT -> "Tomodensitométrie";
            case MR -> "Résonance magnétique";
            case US -> "Échographie";
            case NM -> "Médecine nucléaire";
            case PT -> "TEP : Tomographie par émission de positons";
        };
    }
}
