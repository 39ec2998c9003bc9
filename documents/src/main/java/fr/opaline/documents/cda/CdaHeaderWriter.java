package fr.opaline.documents.cda;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.user.UserAccount;
import fr.opaline.documents.report.ReportDocumentData;

/**
 * The CDA R2 header of a compte rendu d'imagerie (IMG-CR-IMG 2024.01), common to the N1 and N3
 * documents: patient (INS when qualified, IPP), author and legal authenticator (RPPS), custodian,
 * order and accession number, the documented exam (Study Instance UID, LOINC, CCAM, modality and
 * anatomical region), the replaced version and the encounter.
 */
final class CdaHeaderWriter {

    static final String NS = "urn:hl7-org:v3";
    static final String LOINC = "2.16.840.1.113883.6.1";
    static final String SNOMED = "2.16.840.1.113883.6.96";
    static final String DCM = "1.2.840.10008.2.16.4";
    static final String CCAM = "1.2.250.1.215.300.1";
    static final String CR_IMAGING = "18748-4";
    static final String CR_IMAGING_NAME = "CR d'imagerie médicale";

    enum Level { N1, N3 }

    private CdaHeaderWriter() {
    }

    /** Opens ClinicalDocument and writes the header; the caller writes the body and closes. */
    static void write(XmlBuilder x, ReportDocumentData d, Level level, String documentUid, String setId,
                      String replacesUid) {
        x.start("ClinicalDocument")
                .attr("xmlns", NS)
                .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
                .attr("xmlns:ps3-20", "urn:dicom-org:ps3-20");
        x.empty("realmCode", "code", "FR");
        x.empty("typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        x.empty("templateId", "root", "2.16.840.1.113883.2.8.2.1");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.1.1");
        if (level == Level.N1) {
            x.empty("templateId", "root", "1.3.6.1.4.1.19376.1.2.20");
        } else {
            x.empty("templateId", "root", "1.2.840.10008.9.1");
            x.empty("templateId", "root", "1.2.840.10008.9.20");
            x.empty("templateId", "root", "1.2.840.10008.9.21");
            x.empty("templateId", "root", "1.2.250.1.213.1.1.1.45", "extension", "2024.01");
        }
        x.empty("id", "root", documentUid);
        ImagingProcedureCodes.Code procedure = procedureCode(d.exam());
        x.start("code").attr("code", CR_IMAGING).attr("displayName", CR_IMAGING_NAME).attr("codeSystem", LOINC)
                .attr("codeSystemName", "LOINC");
        x.empty("translation", "code", procedure.code(), "displayName", procedure.displayName(), "codeSystem", LOINC,
                "codeSystemName", "LOINC");
        x.end();
        x.element("title", title(d));
        x.empty("effectiveTime", "value", CdaTime.ts(d.signedAt()));
        x.empty("confidentialityCode", "code", "N", "displayName", "Normal", "codeSystem", "2.16.840.1.113883.5.25");
        x.empty("languageCode", "code", "fr-FR");
        x.empty("setId", "root", setId);
        x.empty("versionNumber", "value", Integer.toString(d.version().versionNumber()));
        recordTarget(x, d);
        author(x, d);
        custodian(x, d.practice());
        if (d.legalAuthenticator() != null) {
            x.start("legalAuthenticator");
            x.empty("time", "value", CdaTime.ts(d.signedAt()));
            x.empty("signatureCode", "code", "S");
            assignedEntity(x, d.legalAuthenticator(), d.practice());
            x.end();
        }
        x.start("inFulfillmentOf").start("order");
        x.empty("id", "root", CdaIdentifiers.placerOrderRoot(d.practice()), "extension", d.order().placerOrderNumber());
        x.empty("ps3-20:accessionNumber", "root", CdaIdentifiers.accessionRoot(d.practice()), "extension",
                d.order().accessionNumber());
        x.end().end();
        serviceEvent(x, d, procedure);
        if (replacesUid != null) {
            x.start("relatedDocument").attr("typeCode", "RPLC").start("parentDocument");
            x.empty("id", "root", replacesUid);
            x.end().end();
        }
        encounter(x, d);
    }

    static ImagingProcedureCodes.Code procedureCode(ExamType exam) {
        return ImagingProcedureCodes.of(exam.modality(), exam.anatomicalRegionCode());
    }

    static String title(ReportDocumentData d) {
        return "CR d'imagerie médicale - " + d.exam().label();
    }

    private static void recordTarget(XmlBuilder x, ReportDocumentData d) {
        Patient p = d.patient();
        x.start("recordTarget").start("patientRole");
        if (p.insQualified()) {
            x.empty("id", "root", p.ins().oid(), "extension", p.ins().matricule());
        }
        x.empty("id", "root", p.ippIssuer(), "extension", p.ipp());
        ContactDetails c = p.contact();
        address(x, c.addressLine(), c.postalCode(), c.city());
        if (c.phone() != null && !c.phone().isBlank()) {
            x.empty("telecom", "value", "tel:" + c.phone().replaceAll("[^0-9+]", ""), "use", "H");
        }
        if (c.email() != null && !c.email().isBlank()) {
            x.empty("telecom", "value", "mailto:" + c.email().strip());
        }
        x.start("patient").attr("classCode", "PSN");
        x.start("name");
        x.element("family", p.traits().birthName(), "qualifier", "BR");
        x.element("given", p.traits().birthFirstNames());
        x.element("given", p.traits().firstBirthFirstName(), "qualifier", "BR");
        x.element("family", p.displayLastName(), "qualifier", "CL");
        x.element("given", p.displayFirstName(), "qualifier", "CL");
        x.end();
        Sex sex = p.traits().sex();
        x.empty("administrativeGenderCode", "code", sex == Sex.U ? "UN" : sex.name(), "displayName",
                switch (sex) { case M -> "Masculin"; case F -> "Féminin"; case U -> "Inconnu"; },
                "codeSystem", "2.16.840.1.113883.5.1");
        x.empty("birthTime", "value", CdaTime.date(p.traits().birthDate()));
        if (p.traits().birthplaceCode() != null && !p.traits().birthplaceCode().isBlank()) {
            x.start("birthplace").start("place").start("addr");
            x.element("county", p.traits().birthplaceCode());
            x.end().end().end();
        }
        x.end();
        x.end().end();
    }

    private static void author(XmlBuilder x, ReportDocumentData d) {
        x.start("author");
        x.empty("time", "value", CdaTime.ts(d.signedAt()));
        x.start("assignedAuthor");
        professional(x, d.author(), d.practice());
        x.end().end();
    }

    static void assignedEntity(XmlBuilder x, UserAccount user, PracticeProfile practice) {
        x.start("assignedEntity");
        professional(x, user, practice);
        x.end();
    }

    private static void professional(XmlBuilder x, UserAccount user, PracticeProfile practice) {
        x.empty("id", "root", CdaIdentifiers.PS_ROOT, "extension", CdaIdentifiers.idnps(user));
        String profession = user.professionCode() == null ? "10" : user.professionCode();
        String specialty = user.specialtyCode() == null ? "SM44" : user.specialtyCode();
        x.empty("code", "code", "G15_" + profession + "/" + specialty, "displayName", specialtyName(profession, specialty),
                "codeSystem", "1.2.250.1.213.1.1.4.5");
        address(x, practice.addressLine(), practice.postalCode(), practice.city());
        telecom(x, practice.phone(), "WP");
        PersonName name = PersonName.parse(user.displayName());
        x.start("assignedPerson").start("name");
        if (!name.given().isEmpty()) {
            x.element("given", name.given());
        }
        x.element("family", name.family());
        if (name.suffix() != null) {
            x.element("suffix", name.suffix());
        }
        x.end().end();
        organization(x, "representedOrganization", practice, true);
    }

    static void organization(XmlBuilder x, String element, PracticeProfile practice, boolean withActivity) {
        x.start(element);
        x.empty("id", "root", CdaIdentifiers.STRUCTURE_ROOT, "extension", CdaIdentifiers.idnst(practice));
        x.element("name", practice.name());
        telecom(x, practice.phone(), null);
        address(x, practice.addressLine(), practice.postalCode(), practice.city());
        if (withActivity) {
            x.empty("standardIndustryClassCode", "code", "AMBULATOIRE", "displayName", "Ambulatoire",
                    "codeSystem", "1.2.250.1.213.1.1.4.9");
        }
        x.end();
    }

    private static void custodian(XmlBuilder x, PracticeProfile practice) {
        x.start("custodian").attr("typeCode", "CST").start("assignedCustodian").attr("classCode", "ASSIGNED");
        x.start("representedCustodianOrganization").attr("classCode", "ORG").attr("determinerCode", "INSTANCE");
        x.empty("id", "root", CdaIdentifiers.STRUCTURE_ROOT, "extension", CdaIdentifiers.idnst(practice));
        x.element("name", practice.name());
        telecom(x, practice.phone(), null);
        address(x, practice.addressLine(), practice.postalCode(), practice.city());
        x.end().end().end();
    }

    private static void serviceEvent(XmlBuilder x, ReportDocumentData d, ImagingProcedureCodes.Code procedure) {
        ExamType exam = d.exam();
        x.start("documentationOf").start("serviceEvent").attr("classCode", "ACT");
        x.empty("id", "root", d.step().studyInstanceUid());
        x.start("code").attr("code", procedure.code()).attr("displayName", procedure.displayName())
                .attr("codeSystem", LOINC).attr("codeSystemName", "LOINC");
        if (exam.ccamCode() != null && !exam.ccamCode().isBlank()) {
            x.empty("translation", "code", exam.ccamCode(), "displayName", exam.label(), "codeSystem", CCAM,
                    "codeSystemName", "CCAM");
        }
        x.start("translation").attr("code", exam.modality().name())
                .attr("displayName", ImagingProcedureCodes.modalityDisplayName(exam.modality()))
                .attr("codeSystem", DCM).attr("codeSystemName", "DCM");
        x.start("qualifier");
        x.empty("name", "code", "121139", "displayName", "Modalité d'imagerie", "codeSystem", DCM, "codeSystemName", "DCM");
        x.end().end();
        if (exam.anatomicalRegionCode() != null && !exam.anatomicalRegionCode().isBlank()) {
            x.start("translation").attr("code", exam.anatomicalRegionCode())
                    .attr("displayName", exam.anatomicalRegionLabel()).attr("codeSystem", SNOMED)
                    .attr("codeSystemName", "SNOMED CT");
            x.start("qualifier");
            x.empty("name", "code", "39111-0", "displayName", "localisation anatomique", "codeSystem", LOINC,
                    "codeSystemName", "LOINC");
            x.end().end();
        }
        x.end();
        x.start("effectiveTime");
        x.empty("low", "value", CdaTime.ts(d.step().scheduledStart()));
        x.end();
        x.start("performer").attr("typeCode", "PRF");
        assignedEntity(x, d.signer(), d.practice());
        x.end();
        x.end().end();
    }

    private static void encounter(XmlBuilder x, ReportDocumentData d) {
        x.start("componentOf").start("encompassingEncounter");
        x.empty("code", "code", "AMB", "displayName", "Ambulatoire (hors établissement)", "codeSystem",
                "2.16.840.1.113883.5.4");
        x.start("effectiveTime");
        x.empty("low", "value", CdaTime.ts(d.step().scheduledStart()));
        x.end();
        x.start("location").start("healthCareFacility");
        x.empty("id", "root", CdaIdentifiers.STRUCTURE_ROOT, "extension", CdaIdentifiers.idnst(d.practice()));
        x.empty("code", "code", d.facilityTypeCode(), "displayName", facilityName(d.facilityTypeCode()),
                "codeSystem", "1.2.250.1.71.4.2.4");
        x.start("location");
        x.element("name", d.practice().name());
        address(x, d.practice().addressLine(), d.practice().postalCode(), d.practice().city());
        x.end();
        x.end().end();
        x.end().end();
    }

    static void address(XmlBuilder x, String line, String postalCode, String city) {
        if (blank(line) && blank(postalCode) && blank(city)) {
            x.empty("addr", "nullFlavor", "UNK");
            return;
        }
        x.start("addr");
        if (!blank(line)) {
            x.element("streetAddressLine", line.strip());
        }
        if (!blank(postalCode)) {
            x.element("postalCode", postalCode.strip());
        }
        if (!blank(city)) {
            x.element("city", city.strip());
        }
        x.end();
    }

    private static void telecom(XmlBuilder x, String phone, String use) {
        if (blank(phone)) {
            x.empty("telecom", "nullFlavor", "UNK");
        } else {
            x.empty("telecom", "value", "tel:" + phone.replaceAll("[^0-9+]", ""), "use", use);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String specialtyName(String profession, String specialty) {
        if ("10".equals(profession) && "SM44".equals(specialty)) {
            return "Médecin - Radio-diagnostic (SM)";
        }
        if ("10".equals(profession) && "SM54".equals(specialty)) {
            return "Médecin - Médecine nucléaire (SM)";
        }
        return "Médecin";
    }

    static String facilityName(String code) {
        return switch (code) {
            case "SA07" -> "Cabinet individuel";
            case "SA08" -> "Cabinet de groupe";
            case "SA09" -> "Exercice en société";
            case "SA05" -> "Centre de santé";
            default -> code;
        };
    }
}
