package fr.opaline.sandbox.dmp;

import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.xds.XdsMetadata;
import fr.opaline.documents.xds.XdsMetadataBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Fictitious documents "fed by third parties" into sandbox DMPs, so that a consultation has
 * something to count, list, retrieve and integrate: minimal CDA R2 (non-structured body, plain
 * text), with their XDS metadata read back from their header like any received document.
 */
public final class SandboxDocuments {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    /** What to put in a third-party document. */
    public record Spec(String uniqueIdRoot, String setIdRoot, int version, String typeCode, String typeLabel,
                       String title, String authorRpps, String authorGiven, String authorFamily, String structureId,
                       String structureName, Instant created, String text) {
    }

    private SandboxDocuments() {
    }

    /** The CDA bytes of a document for the patient {@code ins} (matricule + OID). */
    public static byte[] cda(Spec s, String matricule, String insOid) {
        String b64 = Base64.getEncoder().encodeToString(s.text().getBytes(StandardCharsets.UTF_8));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ClinicalDocument xmlns="urn:hl7-org:v3">
                  <realmCode code="FR"/>
                  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
                  <templateId root="1.2.250.1.213.1.1.1.1"/>
                  <id root="%s"/>
                  <code code="%s" codeSystem="2.16.840.1.113883.6.1" displayName="%s"/>
                  <title>%s</title>
                  <effectiveTime value="%s"/>
                  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
                  <languageCode code="fr-FR"/>
                  <setId root="%s"/>
                  <versionNumber value="%d"/>
                  <recordTarget><patientRole><id root="%s" extension="%s"/></patientRole></recordTarget>
                  <author><time value="%s"/><assignedAuthor>
                    <id root="1.2.250.1.71.4.2.1" extension="8%s"/>
                    <assignedPerson><name><given>%s</given><family>%s</family></name></assignedPerson>
                    <representedOrganization><id root="1.2.250.1.71.4.2.2" extension="%s"/><name>%s</name></representedOrganization>
                  </assignedAuthor></author>
                  <custodian><assignedCustodian><representedCustodianOrganization>
                    <id root="1.2.250.1.71.4.2.2" extension="%s"/><name>%s</name>
                  </representedCustodianOrganization></assignedCustodian></custodian>
                  <component><nonXMLBody><text mediaType="text/plain" representation="B64">%s</text></nonXMLBody></component>
                </ClinicalDocument>
                """.formatted(s.uniqueIdRoot(), s.typeCode(), escape(s.typeLabel()), escape(s.title()),
                TS.format(s.created()), s.setIdRoot(), s.version(), insOid, matricule, TS.format(s.created()),
                s.authorRpps(), escape(s.authorGiven()), escape(s.authorFamily()), s.structureId(),
                escape(s.structureName()), s.structureId(), escape(s.structureName()), b64);
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** XDS metadata of a CDA document, from its header (the way any received document is described). */
    public static XdsMetadata metadata(byte[] cda, boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives) {
        return XdsMetadataBuilder.from(new CdaReader().read(cda).header(), cda, invisibleToPatient,
                hiddenFromLegalRepresentatives);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
