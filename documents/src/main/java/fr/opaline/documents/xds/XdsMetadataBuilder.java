package fr.opaline.documents.xds;

import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReadException;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Derives the XDS metadata from a CDA header, field by field as the CI-SIS annex maps them.
 * Codes that the header does not carry come from the ANS correspondence tables: class code
 * from the document type (ASS_X04: 18748-4 → 10 "Compte rendu"), format code from the level
 * (N1: urn:ihe:iti:xds-sd:pdf:2008; IMG-CR-IMG N3: the IHE imaging report format).
 */
public final class XdsMetadataBuilder {

    public static final Code CLASS_COMPTE_RENDU = new Code("10", "1.2.250.1.213.1.1.4.1", "Compte rendu");
    public static final Code FORMAT_N1 = new Code("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3",
            "Document à corps non structuré en Pdf/A-1");
    public static final Code FORMAT_IMG_CR_IMG = new Code("urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013",
            "1.3.6.1.4.1.19376.1.2.3", "CR d'imagerie médicale (IMG-CR-IMG)");
    public static final Code INVISIBLE_PATIENT = new Code("INVISIBLE_PATIENT", "1.2.250.1.213.1.1.4.13",
            "Non visible par le patient");
    public static final Code INVISIBLE_LEGAL_REPRESENTATIVES = new Code("INVISIBLE_REPRESENTANTS_LEGAUX",
            "1.2.250.1.213.1.1.4.13", "Non visible par les représentants légaux du patient");
    public static final String IDNPS_ROOT = "1.2.250.1.71.4.2.1";
    public static final String IDNST_ROOT = "1.2.250.1.71.4.2.2";

    private XdsMetadataBuilder() {
    }

    /**
     * @param document the CDA bytes (size and SHA-1 hash)
     */
    public static XdsMetadata from(CdaHeader h, byte[] document, boolean invisibleToPatient,
                                   boolean hiddenFromLegalRepresentatives) {
        if (h.author() == null || h.author().organization() == null) {
            throw new CdaReadException("En-tête CDA sans auteur ni structure : métadonnées XDS impossibles.");
        }
        List<Code> confidentiality = new ArrayList<>();
        if (h.confidentiality() != null) {
            confidentiality.add(code(h.confidentiality()));
        }
        if (invisibleToPatient) {
            confidentiality.add(INVISIBLE_PATIENT);
        }
        if (hiddenFromLegalRepresentatives) {
            confidentiality.add(INVISIBLE_LEGAL_REPRESENTATIVES);
        }
        List<Code> events = new ArrayList<>();
        List<String> references = new ArrayList<>();
        java.time.Instant start = null;
        java.time.Instant stop = null;
        for (CdaHeader.ServiceEvent event : h.serviceEvents()) {
            event.modalities().forEach(c -> events.add(code(c)));
            event.regions().forEach(c -> events.add(code(c)));
            if (event.studyInstanceUid() != null) {
                references.add(event.studyInstanceUid() + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID");
            }
            start = start == null ? event.start() : start;
            stop = stop == null ? event.stop() : stop;
        }
        if (h.accessionNumber() != null) {
            references.add(0, cx(h.accessionNumber()) + "^urn:ihe:iti:xds:2013:accession");
        }
        if (h.placerOrder() != null) {
            references.add(h.accessionNumber() == null ? 0 : 1, cx(h.placerOrder()) + "^urn:ihe:iti:xds:2013:order");
        }
        CdaHeader.InstanceId ins = h.ins();
        CdaHeader.InstanceId local = h.localPatientId();
        CdaHeader.Organization org = h.author().organization();
        return new XdsMetadata(h.id().asUid(), h.title(), CLASS_COMPTE_RENDU, code(h.code()),
                h.level() == CdaHeader.Level.N1 ? FORMAT_N1 : FORMAT_IMG_CR_IMG, "text/xml", List.copyOf(confidentiality),
                h.effectiveTime(), start, stop, h.languageCode(),
                h.healthcareFacilityType() == null ? null : code(h.healthcareFacilityType()),
                org.activity() == null ? null : code(org.activity()),
                ins == null ? null : cx(ins), local != null ? cx(local) : ins == null ? null : cx(ins),
                sourcePatientInfo(h), xcn(h.author()), xon(org),
                h.author().specialty() == null ? null : code(h.author().specialty()),
                h.legalAuthenticator() == null ? null : xcn(h.legalAuthenticator()), List.copyOf(events),
                List.copyOf(references), document.length, sha1(document), h.versionNumber(),
                h.setId() == null ? null : h.setId().asUid());
    }

    private static List<String> sourcePatientInfo(CdaHeader h) {
        List<String> pid = new ArrayList<>();
        if (h.patientName() != null && h.patientName().birthName() != null) {
            pid.add("PID-5|" + h.patientName().birthName() + "^" + nz(h.patientName().birthGivenNames()) + "^^^^^L");
        }
        if (h.birthTime() != null) {
            pid.add("PID-7|" + h.birthTime());
        }
        if (h.gender() != null) {
            pid.add("PID-8|" + h.gender());
        }
        return List.copyOf(pid);
    }

    /** id^^^&root&ISO */
    static String cx(CdaHeader.InstanceId id) {
        return nz(id.extension()) + "^^^&" + id.root() + "&ISO";
    }

    /** idnps^FAMILY^Given^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS */
    static String xcn(CdaHeader.Professional p) {
        return nz(p.id() == null ? null : p.id().extension()) + "^" + nz(p.family()) + "^" + nz(p.given())
                + "^^^^^^&" + (p.id() == null ? IDNPS_ROOT : p.id().root()) + "&ISO^D^^^IDNPS";
    }

    /** Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^idnst */
    static String xon(CdaHeader.Organization o) {
        return nz(o.name()) + "^^^^^&" + (o.id() == null ? IDNST_ROOT : o.id().root()) + "&ISO^IDNST^^^"
                + nz(o.id() == null ? null : o.id().extension());
    }

    private static Code code(CdaHeader.Coded c) {
        return new Code(c.code(), c.codeSystem(), c.displayName());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
