package fr.opaline.mss.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.documents.xdm.XdmReader;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The IHE_XDM.zip a CR is sent with, checked structurally: IHE_XDM/SUBSET01 with the CDA and a
 * METADATA.XML valid against the ebRS 3.0 schemas (lcm/rim, from IPF, not ours) whose document
 * entry carries the CDA's own metadata (uniqueId, patient INS, type code, hash, size, creation
 * time), INDEX.HTM and README.TXT at the root (IHE ITI TF-1 §16, SC.MSS/CONF.05).
 */
class XdmStructureTest {

    @Test
    void theXdmZipOfACrIsAValidIheXdmPackageWithTheCdasMetadata() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            Clock clock = Clock.systemUTC();
            SampleReport.Result sample = SampleReport.create(db.database(), clock,
                    new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)));
            ClinicalDocument cda = new DocumentRepository(db.database().dsl()).findByReportVersion(sample.version().id())
                    .stream().filter(d -> d.documentUid().equals(sample.version().documentUid())).findFirst().orElseThrow();
            var message = ReportMail.build(Session.getInstance(new Properties()), new ReportMail.Content(Purpose.ENVOI,
                    RecipientKind.PROFESSIONNEL, "<essai@cabinet>", UUID.randomUUID(), "ris@cabinet.mssante.fr", null,
                    "medecin@exemple.mssante.fr", "Dr Essai", sample.patient(), cda.content(), null, false, null,
                    "Cabinet", "1.2.250.1.999", "Opaline", new MssPracticeSettings(true, true, true, null), clock.instant()));
            byte[] zip = null;
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart p = parts.getBodyPart(i);
                if (ReportMail.XDM_FILE.equals(p.getFileName())) {
                    zip = p.getInputStream().readAllBytes();
                }
            }
            assertThat(zip).isNotNull();

            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            assertThat(entries.keySet()).containsExactlyInAnyOrder("IHE_XDM/SUBSET01/DOC00001.XML",
                    "IHE_XDM/SUBSET01/METADATA.XML", "INDEX.HTM", "README.TXT");
            assertThat(entries.get("IHE_XDM/SUBSET01/DOC00001.XML")).isEqualTo(cda.content());
            assertThat(new String(entries.get("INDEX.HTM"), "UTF-8")).contains("IHE_XDM/SUBSET01/DOC00001.XML");

            byte[] metadata = entries.get("IHE_XDM/SUBSET01/METADATA.XML");
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            var lcm = getClass().getClassLoader().getResource("wsdl/schema/ebRS30/lcm.xsd");
            assertThat(lcm).as("ebRS 3.0 schemas from ipf-commons-ihe-xds").isNotNull();
            schemas.newSchema(lcm).newValidator().validate(new StreamSource(new ByteArrayInputStream(metadata)));

            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(metadata));
            var xpath = XPathFactory.newInstance().newXPath();
            CdaHeader header = new CdaReader().read(cda.content()).header();
            assertThat(xpath.evaluate("//*[local-name()='ExternalIdentifier'][@identificationScheme="
                    + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value", doc)).isEqualTo(header.id().asUid());
            assertThat(xpath.evaluate("//*[local-name()='ExternalIdentifier'][@identificationScheme="
                    + "'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427']/@value", doc))
                    .startsWith(sample.patient().ins().matricule() + "^^^&" + sample.patient().ins().oid() + "&ISO");
            assertThat(xpath.evaluate("//*[local-name()='Classification'][@classificationScheme="
                    + "'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983']/@nodeRepresentation", doc)).isEqualTo(header.code().code());
            assertThat(slot(doc, "hash")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(cda.content())));
            assertThat(slot(doc, "size")).isEqualTo(Integer.toString(cda.content().length));
            assertThat(slot(doc, "creationTime")).isEqualTo(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(ZoneOffset.UTC).format(header.effectiveTime()));
            assertThat(slot(doc, "URI")).isEqualTo("DOC00001.XML");
            NodeList packages = (NodeList) xpath.evaluate("//*[local-name()='RegistryPackage']", doc, XPathConstants.NODESET);
            assertThat(packages.getLength()).as("submission set").isEqualTo(1);
            assertThat(((Element) xpath.evaluate("//*[local-name()='Association']", doc, XPathConstants.NODE))
                    .getAttribute("associationType")).isEqualTo("urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember");

            // And Opaline's own hardened reader, on the receiving side, gets the CDA back.
            var read = new XdmReader().read(zip).cdaDocuments();
            assertThat(read).hasSize(1);
            assertThat(read.get(0).uniqueId()).isEqualTo(header.id().asUid());
        }
    }

    private static String slot(Document doc, String name) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='ExtrinsicObject']/*[local-name()='Slot']"
                + "[@name='" + name + "']/*[local-name()='ValueList']/*[local-name()='Value']", doc);
    }
}
