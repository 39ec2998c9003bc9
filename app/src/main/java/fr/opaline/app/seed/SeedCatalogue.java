package fr.opaline.app.seed;

import static fr.opaline.documents.cda.ImagingProcedureCodes.ABDO_PELVIS;
import static fr.opaline.documents.cda.ImagingProcedureCodes.BREAST;
import static fr.opaline.documents.cda.ImagingProcedureCodes.HEAD_NECK;
import static fr.opaline.documents.cda.ImagingProcedureCodes.HEART;
import static fr.opaline.documents.cda.ImagingProcedureCodes.LOWER_LIMB;
import static fr.opaline.documents.cda.ImagingProcedureCodes.SPINE;
import static fr.opaline.documents.cda.ImagingProcedureCodes.THORAX;
import static fr.opaline.documents.cda.ImagingProcedureCodes.UPPER_LIMB;
import static fr.opaline.documents.cda.ImagingProcedureCodes.WHOLE_BODY;

import fr.opaline.core.catalogue.Modality;
import java.util.List;
import java.util.Map;

/**
 * The rooms and exam catalogue of the fictitious practice. Anatomical regions are SNOMED CT
 * codes of JDV_RegionAnatomique_CISIS (1.2.250.1.213.1.1.5.695).
 */
final class SeedCatalogue {

    private SeedCatalogue() {
    }

    record RoomSpec(String code, String name, Modality modality, String aeTitle) {
    }

    record ExamSpec(String code, String label, Modality modality, String regionCode, String regionLabel, int minutes) {
    }

    static final List<RoomSpec> ROOMS = List.of(
            new RoomSpec("CT1", "Scanner", Modality.CT, "OPL_CT1"),
            new RoomSpec("IRM1", "IRM", Modality.MR, "OPL_MR1"),
            new RoomSpec("ECHO1", "Échographie 1", Modality.US, "OPL_US1"),
            new RoomSpec("ECHO2", "Échographie 2", Modality.US, "OPL_US2"),
            new RoomSpec("RADIO1", "Radiologie 1", Modality.DX, "OPL_DX1"),
            new RoomSpec("RADIO2", "Radiologie 2", Modality.CR, "OPL_CR1"),
            new RoomSpec("MAMMO1", "Mammographie", Modality.MG, "OPL_MG1"),
            new RoomSpec("SCINTI1", "Médecine nucléaire", Modality.NM, "OPL_NM1"));

    static final List<ExamSpec> EXAMS = List.of(
            new ExamSpec("CT-THX", "Scanner thoracique", Modality.CT, THORAX, "segment thoracique du tronc", 15),
            new ExamSpec("CT-ABDO", "Scanner abdomino-pelvien", Modality.CT, ABDO_PELVIS, "segment abdominopelvien du tronc", 20),
            new ExamSpec("CT-CRANE", "Scanner cérébral", Modality.CT, HEAD_NECK, "tête et cou", 15),
            new ExamSpec("CT-RACHIS", "Scanner du rachis lombaire", Modality.CT, SPINE, "colonne vertébrale et/ou moelle épinière", 15),
            new ExamSpec("MR-GENOU", "IRM du genou", Modality.MR, LOWER_LIMB, "membre inférieur", 30),
            new ExamSpec("MR-CERV", "IRM cérébrale", Modality.MR, HEAD_NECK, "tête et cou", 30),
            new ExamSpec("MR-RACHIS", "IRM du rachis lombaire", Modality.MR, SPINE, "colonne vertébrale et/ou moelle épinière", 30),
            new ExamSpec("MR-EPAULE", "IRM de l'épaule", Modality.MR, UPPER_LIMB, "membre supérieur", 30),
            new ExamSpec("US-ABDO", "Échographie abdominale", Modality.US, ABDO_PELVIS, "segment abdominopelvien du tronc", 20),
            new ExamSpec("US-THYR", "Échographie thyroïdienne", Modality.US, HEAD_NECK, "tête et cou", 15),
            new ExamSpec("US-SEIN", "Échographie mammaire", Modality.US, BREAST, "sein", 20),
            new ExamSpec("US-DOPPLER", "Écho-doppler veineux des membres inférieurs", Modality.US, LOWER_LIMB, "membre inférieur", 30),
            new ExamSpec("DX-THX", "Radiographie du thorax", Modality.DX, THORAX, "segment thoracique du tronc", 10),
            new ExamSpec("DX-GENOU", "Radiographie du genou", Modality.DX, LOWER_LIMB, "membre inférieur", 10),
            new ExamSpec("DX-RACHIS", "Radiographie du rachis lombaire", Modality.DX, SPINE, "colonne vertébrale et/ou moelle épinière", 15),
            new ExamSpec("DX-POIGNET", "Radiographie du poignet", Modality.DX, UPPER_LIMB, "membre supérieur", 10),
            new ExamSpec("CR-BASSIN", "Radiographie du bassin", Modality.CR, ABDO_PELVIS, "segment abdominopelvien du tronc", 10),
            new ExamSpec("CR-CHEVILLE", "Radiographie de la cheville", Modality.CR, LOWER_LIMB, "membre inférieur", 10),
            new ExamSpec("MG-DEPIST", "Mammographie de dépistage", Modality.MG, BREAST, "sein", 20),
            new ExamSpec("MG-DIAG", "Mammographie diagnostique bilatérale", Modality.MG, BREAST, "sein", 30),
            new ExamSpec("NM-OS", "Scintigraphie osseuse corps entier", Modality.NM, WHOLE_BODY, "corps entier", 45),
            new ExamSpec("NM-THYR", "Scintigraphie thyroïdienne", Modality.NM, HEAD_NECK, "tête et cou", 30),
            new ExamSpec("NM-CARDIO", "Scintigraphie myocardique", Modality.NM, HEART, "cœur", 60));

    static final Map<Modality, List<String>> INDICATIONS = Map.of(
            Modality.CT, List.of("Toux persistante, tabagisme ancien", "Douleurs abdominales aiguës", "Céphalées inhabituelles",
                    "Lombalgie avec radiculalgie", "Bilan d'extension"),
            Modality.MR, List.of("Gonalgie après entorse, suspicion de lésion méniscale", "Vertiges récidivants",
                    "Lombosciatique résistante au traitement", "Douleur de l'épaule, suspicion de rupture de coiffe"),
            Modality.US, List.of("Douleurs de l'hypocondre droit", "Nodule thyroïdien palpé", "Masse du sein gauche",
                    "Œdème du mollet, suspicion de thrombose"),
            Modality.DX, List.of("Fièvre et toux", "Traumatisme du genou", "Lombalgie chronique", "Chute sur le poignet"),
            Modality.CR, List.of("Coxalgie", "Traumatisme de la cheville"),
            Modality.MG, List.of("Dépistage organisé", "Suivi après tumorectomie", "Mastodynie"),
            Modality.NM, List.of("Bilan d'extension osseux", "Hyperthyroïdie", "Douleur thoracique d'effort"));
}
