package fr.opaline.dmp.vihf;

import static fr.opaline.dmp.soap.DmpNamespaces.HL7;
import static fr.opaline.dmp.soap.DmpNamespaces.SAML;
import static fr.opaline.dmp.soap.DmpNamespaces.XSI;

import fr.opaline.dmp.soap.Dom;
import fr.opaline.dmp.soap.SoapException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the VIHF (SAML 2.0 assertion, VIHF v3) of one DMP transaction in a WS-Security header
 * and signs it with the practice's certificate: enveloped XML-DSig, exclusive canonicalisation,
 * RSA-SHA256, the certificate in KeyInfo, the Signature placed after the Issuer as the SAML schema
 * requires. Uses the JDK's XML Digital Signature API (Apache Santuario inside the JDK).
 */
public final class VihfSigner {

    /** How long a VIHF stays valid (SAML Conditions). */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final VihfStructure structure;

    public VihfSigner(PrivateKey key, X509Certificate certificate, VihfStructure structure) {
        this.key = key;
        this.certificate = certificate;
        this.structure = structure;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public VihfStructure structure() {
        return structure;
    }

    /** The signature document of an XDS submission, with the same certificate (see SubmissionSignature). */
    public byte[] signSubmission(String signatureUid, String submissionSetUid, java.util.Map<String, byte[]> documents,
                                 Instant now) {
        return fr.opaline.dmp.xds.SubmissionSignature.sign(key, certificate, signatureUid, submissionSetUid, documents,
                now);
    }

    /**
     * Appends the VIHF to {@code security} and returns the whole envelope, serialised and signed.
     * The message is written and read back before signing so that the signed DOM carries the
     * namespace declarations the receiver will see.
     */
    public byte[] signedEnvelope(Element security, VihfSubject subject, Instant now) {
        addAssertion(security, subject, now);
        Document normalized;
        try {
            normalized = Dom.parse(Dom.write(security.getOwnerDocument()));
        } catch (SoapException e) {
            throw new IllegalStateException(e);
        }
        Element assertion = Dom.descendants(normalized.getDocumentElement(), "Assertion").get(0);
        assertion.setIdAttribute("ID", true);
        signEnveloped(assertion, assertion.getAttribute("ID"), Dom.child(assertion, "Subject"));
        return Dom.write(normalized);
    }

    /** Appends the (unsigned) assertion to {@code security}. */
    Element addAssertion(Element security, VihfSubject subject, Instant now) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        String id = "_" + UUID.randomUUID();
        Element assertion = Dom.add(security, SAML, "saml2:Assertion");
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        assertion.setAttribute("ID", id);
        assertion.setAttribute("IssueInstant", issued.toString());
        assertion.setAttribute("Version", "2.0");
        Dom.add(assertion, SAML, "saml2:Issuer", certificate.getSubjectX500Principal().getName())
                .setAttribute("Format", VihfAttributes.ISSUER_FORMAT);
        Element subjectElement = Dom.add(assertion, SAML, "saml2:Subject");
        Dom.add(subjectElement, SAML, "saml2:NameID", subject.nationalId());
        Element conditions = Dom.add(assertion, SAML, "saml2:Conditions");
        conditions.setAttribute("NotBefore", issued.minus(Duration.ofMinutes(1)).toString());
        conditions.setAttribute("NotOnOrAfter", issued.plus(VALIDITY).toString());
        Element authn = Dom.add(assertion, SAML, "saml2:AuthnStatement");
        authn.setAttribute("AuthnInstant", issued.toString());
        Element context = Dom.add(authn, SAML, "saml2:AuthnContext");
        Dom.add(context, SAML, "saml2:AuthnContextClassRef", AccessAuthentication.AUTHN_CONTEXT_TLS);
        if (subject.authentication().authnContextDecl() != null) {
            Dom.add(context, SAML, "saml2:AuthnContextDecl", subject.authentication().authnContextDecl());
        }
        Element statement = Dom.add(assertion, SAML, "saml2:AttributeStatement");
        text(statement, VihfAttributes.VERSION, VihfAttributes.VIHF_VERSION);
        text(statement, VihfAttributes.STRUCTURE_ID, structure.structureId());
        text(statement, VihfAttributes.ACTIVITY_SECTOR, structure.activitySector());
        text(statement, VihfAttributes.SUBJECT_ID, subject.displayName());
        text(statement, VihfAttributes.AUTHENTICATION_MODE, subject.authentication().vihfMode());
        text(statement, VihfAttributes.RESOURCE_ID, subject.resourceId());
        text(statement, VihfAttributes.RESOURCE_URN, VihfAttributes.DMP_RESOURCE);
        text(statement, VihfAttributes.LPS_ID, structure.lpsId());
        text(statement, VihfAttributes.LPS_NAME, structure.lpsName());
        text(statement, VihfAttributes.LPS_VERSION, structure.lpsVersion());
        text(statement, VihfAttributes.LPS_HOMOLOGATION, structure.lpsHomologation());
        Element roles = attribute(statement, VihfAttributes.ROLE);
        coded(roles, "Role", subject.professionCode(), VihfSubject.PROFESSION_SYSTEM, "professions",
                subject.professionLabel());
        if (subject.specialtyCode() != null) {
            coded(roles, "Role", subject.specialtyCode(), VihfSubject.SPECIALTY_SYSTEM, "specialites RPPS",
                    subject.specialtyLabel());
        }
        coded(attribute(statement, VihfAttributes.PURPOSE_OF_USE), "PurposeOfUse", subject.purpose().code(),
                PurposeOfUse.CODE_SYSTEM, "mode acces VIHF 2.0", subject.purpose().displayName());
        return assertion;
    }

    private void signEnveloped(Element assertion, String id, Node before) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("#" + id, factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate))));
            DOMSignContext context = new DOMSignContext(key, assertion, before);
            context.setDefaultNamespacePrefix("ds");
            XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo);
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("Signature du VIHF impossible : " + e.getMessage(), e);
        }
    }

    private static Element attribute(Element statement, String name) {
        Element attribute = Dom.add(statement, SAML, "saml2:Attribute");
        attribute.setAttribute("Name", name);
        return attribute;
    }

    private static void text(Element statement, String name, String value) {
        Dom.add(attribute(statement, name), SAML, "saml2:AttributeValue", value);
    }

    private static void coded(Element attribute, String element, String code, String system, String systemName,
                              String display) {
        Element value = Dom.add(attribute, SAML, "saml2:AttributeValue");
        Element ce = Dom.add(value, HL7, element);
        ce.setAttributeNS(XSI, "xsi:type", "CE");
        ce.setAttribute("code", code);
        ce.setAttribute("codeSystem", system);
        ce.setAttribute("codeSystemName", systemName);
        Dom.attr(ce, "displayName", display);
    }
}
