package fr.opaline.worklist.mwl;

import static fr.opaline.worklist.data.Tags.*;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.Vr;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A worklist item as the full data set of the Modality Worklist Information Model (PS3.4
 * table K.6-1): every attribute Opaline supports is present, with its value or empty. Matching
 * runs on this data set, and responses copy from it, so what a modality matches on is exactly
 * what it receives.
 *
 * <p>Identity (RIS.INS/va2.02): Patient's Name is the strict traits, birth name and first birth
 * first name, for every identity status — for a qualified identity these are the INS traits;
 * for the others they are the traits as recorded locally, since the traits (not the used name)
 * identify a patient between systems, and switching names when the identity becomes qualified
 * would split the patient's images in the PACS. The used name, when it differs, is in Other
 * Patient Names. The INS goes into Other Patient IDs Sequence only for a qualified identity.
 */
public final class WorklistDataset {

    /** Local coding scheme of the practice's exam catalogue codes (PS3.16 8.2: "99" prefix). */
    public static final String EXAM_CODING_SCHEME = "99OPALINE";

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9]\\d*))+");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

    private final ZoneId zone;
    private final String institutionName;

    public WorklistDataset(ZoneId zone, String institutionName) {
        this.zone = zone;
        this.institutionName = institutionName;
    }

    public Attributes of(WorklistItem item) {
        WorklistItem.Identity patient = item.patient();
        WorklistItem.Request request = item.request();
        WorklistItem.Step step = item.step();
        ZonedDateTime start = step.start().atZone(zone);
        ZonedDateTime end = step.end() == null ? null : step.end().atZone(zone);

        Attributes a = new Attributes();
        a.setString(ACCESSION_NUMBER, Vr.SH, cut(request.accessionNumber(), 16));
        a.newSequence(ISSUER_OF_ACCESSION_NUMBER_SEQUENCE);
        a.setString(INSTITUTION_NAME, Vr.LO, cut(institutionName, 64));
        a.setString(REFERRING_PHYSICIAN_NAME, Vr.PN, cut(PersonNames.fromFreeText(request.referringPhysicianName()), 64));
        a.setString(TIMEZONE_OFFSET_FROM_UTC, Vr.SH, OFFSET.format(start));
        a.newSequence(REFERENCED_STUDY_SEQUENCE);
        a.newSequence(REFERENCED_PATIENT_SEQUENCE);

        a.setString(PATIENT_NAME, Vr.PN, cut(PersonNames.of(patient.birthName(), patient.firstBirthFirstName()), 64));
        a.setString(PATIENT_ID, Vr.LO, cut(patient.ipp(), 64));
        a.setString(ISSUER_OF_PATIENT_ID, Vr.LO, cut(patient.ippIssuer(), 64));
        List<Attributes> ippQualifiers = a.newSequence(ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE);
        if (patient.ippIssuer() != null && OID.matcher(patient.ippIssuer()).matches()) {
            ippQualifiers.add(qualifiers(patient.ippIssuer(), "PI"));
        }
        a.setString(PATIENT_BIRTH_DATE, Vr.DA, patient.birthDate() == null ? "" : DicomDates.DA.format(patient.birthDate()));
        a.setString(PATIENT_SEX, Vr.CS, patient.sex() == Sex.U ? "" : patient.sex().name());
        a.setString(OTHER_PATIENT_NAMES, Vr.PN, cut(otherName(patient), 64));
        List<Attributes> otherIds = a.newSequence(OTHER_PATIENT_IDS_SEQUENCE);
        if (patient.insQualified()) {
            otherIds.add(ins(patient.ins()));
        }
        a.setString(PATIENT_BIRTH_NAME, Vr.PN, cut(PersonNames.of(patient.birthName(), null), 64));
        a.setString(PATIENT_SIZE, Vr.DS, "");
        a.setString(PATIENT_WEIGHT, Vr.DS, "");
        a.setString(MEDICAL_ALERTS, Vr.LO, "");
        a.setString(ALLERGIES, Vr.LO, "");
        a.setString(ADDITIONAL_PATIENT_HISTORY, Vr.LT, "");
        a.setBytes(PREGNANCY_STATUS, Vr.US, null);
        a.setString(PATIENT_COMMENTS, Vr.LT, "");
        a.setString(CONFIDENTIALITY_CONSTRAINT_ON_PATIENT_DATA, Vr.LO, "");

        a.setString(STUDY_INSTANCE_UID, Vr.UI, step.studyInstanceUid());
        a.setString(REQUESTING_PHYSICIAN, Vr.PN, cut(PersonNames.fromFreeText(request.referringPhysicianName()), 64));
        a.setString(REQUESTING_SERVICE, Vr.LO, "");
        a.setString(REQUESTED_PROCEDURE_DESCRIPTION, Vr.LO, cut(request.description(), 64));
        a.newSequence(REQUESTED_PROCEDURE_CODE_SEQUENCE).add(examCode(request));
        a.setString(ADMISSION_ID, Vr.LO, "");
        a.setString(SPECIAL_NEEDS, Vr.LO, "");
        a.setString(CURRENT_PATIENT_LOCATION, Vr.LO, "");
        a.setString(PATIENT_STATE, Vr.LO, "");

        Attributes sps = new Attributes();
        sps.setString(MODALITY, Vr.CS, step.modality().name());
        sps.setString(REQUESTED_CONTRAST_AGENT, Vr.LO, "");
        sps.setString(SCHEDULED_STATION_AE_TITLE, Vr.AE, step.stationAeTitle());
        sps.setString(SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, DicomDates.DA.format(start.toLocalDate()));
        sps.setString(SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, DicomDates.TM.format(start.toLocalTime()));
        sps.setString(SCHEDULED_PROCEDURE_STEP_END_DATE, Vr.DA, end == null ? "" : DicomDates.DA.format(end.toLocalDate()));
        sps.setString(SCHEDULED_PROCEDURE_STEP_END_TIME, Vr.TM, end == null ? "" : DicomDates.TM.format(end.toLocalTime()));
        sps.setString(SCHEDULED_PERFORMING_PHYSICIAN_NAME, Vr.PN, cut(PersonNames.fromFreeText(step.performingPhysician()), 64));
        sps.setString(SCHEDULED_PROCEDURE_STEP_DESCRIPTION, Vr.LO, cut(step.description(), 64));
        sps.newSequence(SCHEDULED_PROTOCOL_CODE_SEQUENCE).add(examCode(request));
        sps.setString(SCHEDULED_PROCEDURE_STEP_ID, Vr.SH, cut(step.stepId(), 16));
        sps.setString(SCHEDULED_STATION_NAME, Vr.SH, cut(step.stationName(), 16));
        sps.setString(SCHEDULED_PROCEDURE_STEP_LOCATION, Vr.SH, cut(step.roomName(), 16));
        sps.setString(PRE_MEDICATION, Vr.LO, "");
        sps.setString(SCHEDULED_PROCEDURE_STEP_STATUS, Vr.CS, step.status().name());
        sps.setString(COMMENTS_ON_THE_SCHEDULED_PROCEDURE_STEP, Vr.LT, "");
        a.newSequence(SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(sps);

        a.setString(REQUESTED_PROCEDURE_ID, Vr.SH, cut(request.requestedProcedureId(), 16));
        a.setString(REASON_FOR_THE_REQUESTED_PROCEDURE, Vr.LO, cut(oneLine(request.clinicalIndication()), 64));
        a.setString(REQUESTED_PROCEDURE_PRIORITY, Vr.SH, "");
        a.setString(PATIENT_TRANSPORT_ARRANGEMENTS, Vr.LO, "");
        a.setString(REQUESTED_PROCEDURE_LOCATION, Vr.LO, "");
        a.setString(NAMES_OF_INTENDED_RECIPIENTS_OF_RESULTS, Vr.PN, "");
        a.setString(REQUESTED_PROCEDURE_COMMENTS, Vr.LT, "");
        a.setString(PLACER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST, Vr.LO, cut(request.placerOrderNumber(), 64));
        a.setString(FILLER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST, Vr.LO, cut(request.accessionNumber(), 64));
        a.setString(IMAGING_SERVICE_REQUEST_COMMENTS, Vr.LT, "");
        return a;
    }

    /** The used name and first name when they differ from the traits, else empty. */
    private static String otherName(WorklistItem.Identity patient) {
        String family = blank(patient.usedName()) ? patient.birthName() : patient.usedName();
        String given = blank(patient.usedFirstName()) ? patient.firstBirthFirstName() : patient.usedFirstName();
        String used = PersonNames.of(family, given);
        return used.equals(PersonNames.of(patient.birthName(), patient.firstBirthFirstName())) ? "" : used;
    }

    /** The INS item: matricule, "ASIP-SANTE-INS-NIR" or "-NIA" as in HL7 PID-3, and its OID (type ISO). */
    private static Attributes ins(InsNumber ins) {
        Attributes item = new Attributes();
        item.setString(PATIENT_ID, Vr.LO, ins.matricule());
        item.setString(ISSUER_OF_PATIENT_ID, Vr.LO, ins.isNia() ? "ASIP-SANTE-INS-NIA" : "ASIP-SANTE-INS-NIR");
        item.setString(TYPE_OF_PATIENT_ID, Vr.CS, "TEXT");
        item.newSequence(ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE).add(qualifiers(ins.oid(), "INS"));
        return item;
    }

    private static Attributes qualifiers(String oid, String identifierTypeCode) {
        Attributes q = new Attributes();
        q.setString(UNIVERSAL_ENTITY_ID, Vr.UT, oid);
        q.setString(UNIVERSAL_ENTITY_ID_TYPE, Vr.CS, "ISO");
        q.setString(IDENTIFIER_TYPE_CODE, Vr.CS, identifierTypeCode);
        return q;
    }

    private static Attributes examCode(WorklistItem.Request request) {
        Attributes code = new Attributes();
        code.setString(CODE_VALUE, Vr.SH, cut(request.examCode(), 16));
        code.setString(CODING_SCHEME_DESIGNATOR, Vr.SH, EXAM_CODING_SCHEME);
        code.setString(CODE_MEANING, Vr.LO, cut(request.examLabel(), 64));
        return code;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t\\\\]+", " ").trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String clean = s.replace('\\', '/').trim();
        return clean.length() <= max ? clean : clean.substring(0, max).trim();
    }
}
