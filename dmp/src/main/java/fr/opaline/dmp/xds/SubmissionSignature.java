package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.DSIG;
import static fr.opaline.dmp.soap.DmpNamespaces.XADES;

import fr.opaline.dmp.soap.Dom;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Manifest;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The signature document of an XDS submission, as the DMP expects it with every ITI-41 (IHE DSG,
 * XAdES): a detached XML-DSig whose SignedInfo covers a Manifest and the XAdES SignedProperties;
 * the Manifest lists the submission set (digest of its uniqueId) and each document (SHA-256 of its
 * bytes) by {@code urn:oid:} reference. Signed with the practice's certificate.
 */
public final class SubmissionSignature {

    public static final String MANIFEST_ID = "IHEManifest";
    public static final String SIGNED_PROPERTIES_ID = "SignedProperties";
    /** "Source" signature purpose (ISO 17090 / ASTM E1762). */
    public static final String PURPOSE_SOURCE = "1.2.840.10065.1.12.1.14";

    private SubmissionSignature() {
    }

    /**
     * @param documents the submitted documents' bytes by uniqueId, in submission order
     */
    public static byte[] sign(PrivateKey key, X509Certificate certificate, String signatureUid,
                              String submissionSetUid, Map<String, byte[]> documents, Instant now) {
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            DigestMethod sha256 = f.newDigestMethod(DigestMethod.SHA256, null);
            List<Reference> manifestReferences = new ArrayList<>();
            manifestReferences.add(f.newReference("urn:oid:" + submissionSetUid, sha256, null, null, null,
                    sha256(submissionSetUid.getBytes(StandardCharsets.UTF_8))));
            for (Map.Entry<String, byte[]> d : documents.entrySet()) {
                manifestReferences.add(f.newReference("urn:oid:" + d.getKey(), sha256, null, null, null,
                        sha256(d.getValue())));
            }
            Manifest manifest = f.newManifest(manifestReferences, MANIFEST_ID);

            Document doc = Dom.newDocument();
            Element holder = Dom.add(doc, DSIG, "ds:Holder");
            Element qualifying = doc.createElementNS(XADES, "xades:QualifyingProperties");
            qualifying.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xades", XADES);
            qualifying.setAttribute("Target", "#" + signatureUid);
            Element signedProperties = Dom.add(qualifying, XADES, "xades:SignedProperties");
            signedProperties.setAttribute("Id", SIGNED_PROPERTIES_ID);
            Element ssp = Dom.add(signedProperties, XADES, "xades:SignedSignatureProperties");
            Dom.add(ssp, XADES, "xades:SigningTime", now.toString());
            Element cert = Dom.add(Dom.add(ssp, XADES, "xades:SigningCertificate"), XADES, "xades:Cert");
            Element certDigest = Dom.add(cert, XADES, "xades:CertDigest");
            Dom.add(certDigest, DSIG, "ds:DigestMethod").setAttribute("Algorithm", DigestMethod.SHA256);
            Dom.add(certDigest, DSIG, "ds:DigestValue", Base64.getEncoder().encodeToString(sha256(certificate.getEncoded())));
            Element issuerSerial = Dom.add(cert, XADES, "xades:IssuerSerial");
            Dom.add(issuerSerial, DSIG, "ds:X509IssuerName", certificate.getIssuerX500Principal().getName());
            Dom.add(issuerSerial, DSIG, "ds:X509SerialNumber", certificate.getSerialNumber().toString());
            Dom.add(Dom.add(ssp, XADES, "xades:SignaturePolicyIdentifier"), XADES, "xades:SignaturePolicyImplied");

            SignatureProperties properties = f.newSignatureProperties(List.of(f.newSignatureProperty(
                    List.of(new DOMStructure(doc.createTextNode(PURPOSE_SOURCE))), "#" + signatureUid,
                    "purposeOfSignature")), null);
            List<XMLObject> objects = List.of(
                    f.newXMLObject(List.of(properties), null, null, null),
                    f.newXMLObject(List.of(manifest), null, null, null),
                    f.newXMLObject(List.of(new DOMStructure(qualifying)), null, null, null));
            CanonicalizationMethod c14n = f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null);
            SignedInfo signedInfo = f.newSignedInfo(c14n, f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(
                    f.newReference("#" + MANIFEST_ID, sha256, List.of(f.newTransform(CanonicalizationMethod.EXCLUSIVE,
                            (javax.xml.crypto.dsig.spec.TransformParameterSpec) null)), Manifest.TYPE, null),
                    f.newReference("#" + SIGNED_PROPERTIES_ID, sha256, List.of(f.newTransform(
                            CanonicalizationMethod.EXCLUSIVE, (javax.xml.crypto.dsig.spec.TransformParameterSpec) null)),
                            "http://uri.etsi.org/01903#SignedProperties", null)));
            KeyInfoFactory keys = f.getKeyInfoFactory();
            XMLSignature signature = f.newXMLSignature(signedInfo,
                    keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate)))), objects, signatureUid, null);
            DOMSignContext context = new DOMSignContext(key, holder);
            context.setDefaultNamespacePrefix("ds");
            context.setIdAttributeNS(signedProperties, null, "Id");
            signature.sign(context);
            return Dom.write(Dom.children(holder).get(0));
        } catch (Exception e) {
            throw new IllegalStateException("Signature de la soumission impossible : " + e.getMessage(), e);
        }
    }

    /**
     * Checks a submission signature: its XML-DSig (secure validation), then every Manifest
     * reference against the submission set uniqueId and the documents received. Returns the
     * signing certificate.
     *
     * @param documents the documents received, by uniqueId
     * @throws IllegalArgumentException with the reason when the signature does not hold
     */
    public static X509Certificate verify(byte[] signatureXml, String submissionSetUid, Map<String, byte[]> documents) {
        try {
            Element signature = Dom.parse(signatureXml).getDocumentElement();
            if (!"Signature".equals(signature.getLocalName()) || !DSIG.equals(signature.getNamespaceURI())) {
                throw new IllegalArgumentException("le document de signature n'est pas une signature XML");
            }
            X509Certificate[] signer = new X509Certificate[1];
            DOMValidateContext context = new DOMValidateContext(new javax.xml.crypto.KeySelector() {
                @Override
                public javax.xml.crypto.KeySelectorResult select(javax.xml.crypto.dsig.keyinfo.KeyInfo keyInfo, Purpose purpose,
                                                                  javax.xml.crypto.AlgorithmMethod method,
                                                                  javax.xml.crypto.XMLCryptoContext ctx)
                        throws javax.xml.crypto.KeySelectorException {
                    for (Object item : keyInfo == null ? List.of() : keyInfo.getContent()) {
                        if (item instanceof javax.xml.crypto.dsig.keyinfo.X509Data data) {
                            for (Object c : data.getContent()) {
                                if (c instanceof X509Certificate x) {
                                    signer[0] = x;
                                    return x::getPublicKey;
                                }
                            }
                        }
                    }
                    throw new javax.xml.crypto.KeySelectorException("pas de certificat");
                }
            }, signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            Element manifest = null;
            for (Element e : Dom.descendants(signature, "Manifest")) {
                if (MANIFEST_ID.equals(e.getAttribute("Id"))) {
                    context.setIdAttributeNS(e, null, "Id");
                    manifest = e;
                }
            }
            for (Element e : Dom.descendants(signature, "SignedProperties")) {
                context.setIdAttributeNS(e, null, "Id");
            }
            if (manifest == null) {
                throw new IllegalArgumentException("manifeste IHE absent");
            }
            XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            if (!xml.validate(context)) {
                throw new IllegalArgumentException("signature XML invalide");
            }
            boolean signsManifest = xml.getSignedInfo().getReferences().stream()
                    .anyMatch(r -> ("#" + MANIFEST_ID).equals(((Reference) r).getURI()));
            if (!signsManifest) {
                throw new IllegalArgumentException("la signature ne couvre pas le manifeste");
            }
            Map<String, byte[]> expected = new LinkedHashMap<>(documents);
            expected.put(submissionSetUid, submissionSetUid.getBytes(StandardCharsets.UTF_8));
            int checked = 0;
            for (Element reference : Dom.children(manifest, "Reference")) {
                String uri = reference.getAttribute("URI");
                byte[] content = uri.startsWith("urn:oid:") ? expected.get(uri.substring(8)) : null;
                if (content == null) {
                    throw new IllegalArgumentException("le manifeste cite un objet absent de la soumission : " + uri);
                }
                String digest = Dom.text(reference, "DigestValue");
                if (!Base64.getEncoder().encodeToString(sha256(content)).equals(digest)) {
                    throw new IllegalArgumentException("empreinte incorrecte pour " + uri);
                }
                checked++;
            }
            if (checked != expected.size()) {
                throw new IllegalArgumentException("le manifeste ne couvre pas tous les documents soumis");
            }
            return signer[0];
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("signature illisible : " + e.getMessage(), e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
