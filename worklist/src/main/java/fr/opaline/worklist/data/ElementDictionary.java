package fr.opaline.worklist.data;

import static fr.opaline.worklist.data.Vr.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The VR of the attributes Opaline knows, needed to decode Implicit VR Little Endian. Unknown
 * standard attributes decode as UN and are not answered; private attributes are always UN.
 */
public final class ElementDictionary {

    private static final Map<Integer, Vr> VRS = new HashMap<>();

    static {
        // Command set
        put(UL, Tags.COMMAND_GROUP_LENGTH);
        put(UI, Tags.AFFECTED_SOP_CLASS_UID, Tags.REQUESTED_SOP_CLASS_UID, Tags.AFFECTED_SOP_INSTANCE_UID,
                Tags.REQUESTED_SOP_INSTANCE_UID);
        put(US, Tags.COMMAND_FIELD, Tags.MESSAGE_ID, Tags.MESSAGE_ID_BEING_RESPONDED_TO, Tags.PRIORITY,
                Tags.COMMAND_DATA_SET_TYPE, Tags.STATUS, Tags.ERROR_ID, 0x00001020, 0x00001021, 0x00001022, 0x00001023);
        put(AE, Tags.MOVE_DESTINATION, 0x00001030);
        put(AT, Tags.OFFENDING_ELEMENT);
        put(LO, Tags.ERROR_COMMENT);
        put(US, 0x00001031);

        put(CS, Tags.SPECIFIC_CHARACTER_SET, Tags.QUERY_RETRIEVE_LEVEL, Tags.MODALITY, Tags.PATIENT_SEX,
                Tags.TYPE_OF_PATIENT_ID, Tags.SCHEDULED_PROCEDURE_STEP_STATUS, Tags.UNIVERSAL_ENTITY_ID_TYPE,
                Tags.IDENTIFIER_TYPE_CODE);
        put(UI, Tags.SOP_CLASS_UID, Tags.SOP_INSTANCE_UID, Tags.STUDY_INSTANCE_UID, Tags.REFERENCED_SOP_CLASS_UID,
                Tags.REFERENCED_SOP_INSTANCE_UID);
        put(DA, Tags.STUDY_DATE, Tags.PATIENT_BIRTH_DATE, Tags.SCHEDULED_PROCEDURE_STEP_START_DATE,
                Tags.SCHEDULED_PROCEDURE_STEP_END_DATE);
        put(TM, Tags.STUDY_TIME, Tags.PATIENT_BIRTH_TIME, Tags.SCHEDULED_PROCEDURE_STEP_START_TIME,
                Tags.SCHEDULED_PROCEDURE_STEP_END_TIME);
        put(SH, Tags.ACCESSION_NUMBER, Tags.CODE_VALUE, Tags.CODING_SCHEME_DESIGNATOR, Tags.CODING_SCHEME_VERSION,
                Tags.TIMEZONE_OFFSET_FROM_UTC, Tags.STATION_NAME, Tags.STUDY_ID, Tags.ETHNIC_GROUP,
                Tags.SCHEDULED_PROCEDURE_STEP_ID, Tags.SCHEDULED_STATION_NAME, Tags.SCHEDULED_PROCEDURE_STEP_LOCATION,
                Tags.REQUESTED_PROCEDURE_ID, Tags.REQUESTED_PROCEDURE_PRIORITY);
        put(LO, Tags.INSTITUTION_NAME, Tags.CODE_MEANING, Tags.STUDY_DESCRIPTION, Tags.INSTITUTIONAL_DEPARTMENT_NAME,
                Tags.PATIENT_ID, Tags.ISSUER_OF_PATIENT_ID, Tags.OTHER_PATIENT_IDS, Tags.PATIENT_ADDRESS,
                Tags.MEDICAL_ALERTS, Tags.ALLERGIES, Tags.REQUESTING_SERVICE, Tags.REQUESTED_PROCEDURE_DESCRIPTION,
                Tags.REQUESTED_CONTRAST_AGENT, Tags.ADMISSION_ID, Tags.SPECIAL_NEEDS, Tags.CURRENT_PATIENT_LOCATION,
                Tags.PATIENT_STATE, Tags.SCHEDULED_PROCEDURE_STEP_DESCRIPTION, Tags.PRE_MEDICATION,
                Tags.REASON_FOR_THE_REQUESTED_PROCEDURE, Tags.PATIENT_TRANSPORT_ARRANGEMENTS,
                Tags.REQUESTED_PROCEDURE_LOCATION, Tags.PLACER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST,
                Tags.FILLER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST, Tags.CONFIDENTIALITY_CONSTRAINT_ON_PATIENT_DATA);
        put(ST, Tags.INSTITUTION_ADDRESS);
        put(PN, Tags.REFERRING_PHYSICIAN_NAME, Tags.PATIENT_NAME, Tags.OTHER_PATIENT_NAMES, Tags.PATIENT_BIRTH_NAME,
                Tags.PATIENT_MOTHER_BIRTH_NAME, Tags.REQUESTING_PHYSICIAN, Tags.SCHEDULED_PERFORMING_PHYSICIAN_NAME,
                Tags.NAMES_OF_INTENDED_RECIPIENTS_OF_RESULTS);
        put(SQ, Tags.ISSUER_OF_ACCESSION_NUMBER_SEQUENCE, Tags.REFERRING_PHYSICIAN_IDENTIFICATION_SEQUENCE,
                Tags.REFERENCED_STUDY_SEQUENCE, Tags.REFERENCED_PATIENT_SEQUENCE,
                Tags.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE, Tags.OTHER_PATIENT_IDS_SEQUENCE,
                Tags.REQUESTED_PROCEDURE_CODE_SEQUENCE, Tags.SCHEDULED_PROTOCOL_CODE_SEQUENCE,
                Tags.SCHEDULED_PERFORMING_PHYSICIAN_IDENTIFICATION_SEQUENCE, Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        put(AE, Tags.SCHEDULED_STATION_AE_TITLE);
        put(AS, Tags.PATIENT_AGE);
        put(DS, Tags.PATIENT_SIZE, Tags.PATIENT_WEIGHT);
        put(US, Tags.PREGNANCY_STATUS);
        put(LT, Tags.ADDITIONAL_PATIENT_HISTORY, Tags.PATIENT_COMMENTS, Tags.COMMENTS_ON_THE_SCHEDULED_PROCEDURE_STEP,
                Tags.REQUESTED_PROCEDURE_COMMENTS, Tags.IMAGING_SERVICE_REQUEST_COMMENTS);
        put(UT, Tags.UNIVERSAL_ENTITY_ID);
    }

    private ElementDictionary() {
    }

    private static void put(Vr vr, int... tags) {
        for (int tag : tags) {
            VRS.put(tag, vr);
        }
    }

    /** The VR to decode a tag with in Implicit VR: group lengths UL, unknown and private UN. */
    public static Vr vrOf(int tag) {
        if (Tag.isGroupLength(tag)) {
            return UL;
        }
        if (Tag.isPrivate(tag)) {
            return UN;
        }
        return VRS.getOrDefault(tag, UN);
    }

    public static boolean isKnown(int tag) {
        return VRS.containsKey(tag);
    }
}
