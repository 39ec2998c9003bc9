package fr.opaline.worklist.data;

/** The tags Opaline reads or writes: command set (PS3.7) and Modality Worklist attributes (PS3.4 K.6). */
public final class Tags {

    private Tags() {
    }

    // Command set, group 0000 (PS3.7 E.1)
    public static final int COMMAND_GROUP_LENGTH = 0x00000000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int MOVE_DESTINATION = 0x00000600;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int OFFENDING_ELEMENT = 0x00000901;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int ERROR_ID = 0x00000903;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;

    // SOP common, general
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int ISSUER_OF_ACCESSION_NUMBER_SEQUENCE = 0x00080051;
    public static final int QUERY_RETRIEVE_LEVEL = 0x00080052;
    public static final int MODALITY = 0x00080060;
    public static final int INSTITUTION_NAME = 0x00080080;
    public static final int INSTITUTION_ADDRESS = 0x00080081;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int REFERRING_PHYSICIAN_IDENTIFICATION_SEQUENCE = 0x00080096;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    public static final int CODING_SCHEME_VERSION = 0x00080103;
    public static final int CODE_MEANING = 0x00080104;
    public static final int TIMEZONE_OFFSET_FROM_UTC = 0x00080201;
    public static final int STATION_NAME = 0x00081010;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int INSTITUTIONAL_DEPARTMENT_NAME = 0x00081040;
    public static final int REFERENCED_STUDY_SEQUENCE = 0x00081110;
    public static final int REFERENCED_PATIENT_SEQUENCE = 0x00081120;
    public static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    public static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;

    // Patient
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    public static final int TYPE_OF_PATIENT_ID = 0x00100022;
    public static final int ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE = 0x00100024;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_BIRTH_TIME = 0x00100032;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int OTHER_PATIENT_IDS = 0x00101000;
    public static final int OTHER_PATIENT_NAMES = 0x00101001;
    public static final int OTHER_PATIENT_IDS_SEQUENCE = 0x00101002;
    public static final int PATIENT_BIRTH_NAME = 0x00101005;
    public static final int PATIENT_AGE = 0x00101010;
    public static final int PATIENT_SIZE = 0x00101020;
    public static final int PATIENT_WEIGHT = 0x00101030;
    public static final int PATIENT_ADDRESS = 0x00101040;
    public static final int PATIENT_MOTHER_BIRTH_NAME = 0x00101060;
    public static final int MEDICAL_ALERTS = 0x00102000;
    public static final int ALLERGIES = 0x00102110;
    public static final int ETHNIC_GROUP = 0x00102160;
    public static final int ADDITIONAL_PATIENT_HISTORY = 0x001021B0;
    public static final int PREGNANCY_STATUS = 0x001021C0;
    public static final int PATIENT_COMMENTS = 0x00104000;
    public static final int CONFIDENTIALITY_CONSTRAINT_ON_PATIENT_DATA = 0x00403001;

    // Study, request
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int STUDY_ID = 0x00200010;
    public static final int REQUESTING_PHYSICIAN = 0x00321032;
    public static final int REQUESTING_SERVICE = 0x00321033;
    public static final int REQUESTED_PROCEDURE_DESCRIPTION = 0x00321060;
    public static final int REQUESTED_PROCEDURE_CODE_SEQUENCE = 0x00321064;
    public static final int REQUESTED_CONTRAST_AGENT = 0x00321070;

    // Visit
    public static final int ADMISSION_ID = 0x00380010;
    public static final int SPECIAL_NEEDS = 0x00380050;
    public static final int CURRENT_PATIENT_LOCATION = 0x00380300;
    public static final int PATIENT_STATE = 0x00380500;

    // Scheduled procedure step
    public static final int SCHEDULED_STATION_AE_TITLE = 0x00400001;
    public static final int SCHEDULED_PROCEDURE_STEP_START_DATE = 0x00400002;
    public static final int SCHEDULED_PROCEDURE_STEP_START_TIME = 0x00400003;
    public static final int SCHEDULED_PROCEDURE_STEP_END_DATE = 0x00400004;
    public static final int SCHEDULED_PROCEDURE_STEP_END_TIME = 0x00400005;
    public static final int SCHEDULED_PERFORMING_PHYSICIAN_NAME = 0x00400006;
    public static final int SCHEDULED_PROCEDURE_STEP_DESCRIPTION = 0x00400007;
    public static final int SCHEDULED_PROTOCOL_CODE_SEQUENCE = 0x00400008;
    public static final int SCHEDULED_PROCEDURE_STEP_ID = 0x00400009;
    public static final int SCHEDULED_PERFORMING_PHYSICIAN_IDENTIFICATION_SEQUENCE = 0x0040000B;
    public static final int SCHEDULED_STATION_NAME = 0x00400010;
    public static final int SCHEDULED_PROCEDURE_STEP_LOCATION = 0x00400011;
    public static final int PRE_MEDICATION = 0x00400012;
    public static final int SCHEDULED_PROCEDURE_STEP_STATUS = 0x00400020;
    public static final int UNIVERSAL_ENTITY_ID = 0x00400032;
    public static final int UNIVERSAL_ENTITY_ID_TYPE = 0x00400033;
    public static final int IDENTIFIER_TYPE_CODE = 0x00400035;
    public static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    public static final int COMMENTS_ON_THE_SCHEDULED_PROCEDURE_STEP = 0x00400400;
    public static final int REQUESTED_PROCEDURE_ID = 0x00401001;
    public static final int REASON_FOR_THE_REQUESTED_PROCEDURE = 0x00401002;
    public static final int REQUESTED_PROCEDURE_PRIORITY = 0x00401003;
    public static final int PATIENT_TRANSPORT_ARRANGEMENTS = 0x00401004;
    public static final int REQUESTED_PROCEDURE_LOCATION = 0x00401005;
    public static final int NAMES_OF_INTENDED_RECIPIENTS_OF_RESULTS = 0x00401010;
    public static final int REQUESTED_PROCEDURE_COMMENTS = 0x00401400;
    public static final int PLACER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST = 0x00402016;
    public static final int FILLER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST = 0x00402017;
    public static final int IMAGING_SERVICE_REQUEST_COMMENTS = 0x00402400;
}
