package fr.opaline.dmp.vihf;

import static fr.opaline.dmp.soap.DmpNamespaces.DSIG;
import static fr.opaline.dmp.soap.DmpNamespaces.SAML;

import fr.opaline.dmp.soap.Dom;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Element;

/**
 * Checks a VIHF the way the DMP does before anything else: one SAML assertion in the WS-Security
 * header, signed (enveloped XML-DSig over exactly that assertion, secure validation on) by the
 * certificate its KeyInfo carries, within its validity window, with the attributes the DMP needs.
 * Which certificates are acceptable (issued by the IGC Santé, the one of the TLS channel) is the
 * caller's decision, from {@link VihfClaims#signer()}.
 */
public final class VihfVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private VihfVerifier() {
    }

    public static VihfClaims verify(Element security, Instant now) throws VihfException {
        if (security == null) {
            throw new VihfException("En-tête WS-Security absent : jeton VIHF requis.");
        }
        List<Element> assertions = Dom.children(security).stream()
                .filter(e -> SAML.equals(e.getNamespaceURI()) && "Assertion".equals(e.getLocalName())).toList();
        if (assertions.size() != 1) {
            throw new VihfException("Le jeton VIHF doit contenir exactement une assertion SAML (trouvé : "
                    + assertions.size() + ").");
        }
        Element assertion = assertions.get(0);
        String id = Dom.attribute(assertion, "ID");
        if (id == null) {
            throw new VihfException("Assertion VIHF sans identifiant (ID).");
        }
        assertion.setIdAttribute("ID", true);
        Element signature = Dom.children(assertion).stream()
                .filter(e -> DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())).findFirst()
                .orElseThrow(() -> new VihfException("Jeton VIHF non signé."));
        X509Certificate signer = checkSignature(signature, id);
        Instant notBefore = instant(Dom.child(assertion, "Conditions"), "NotBefore");
        Instant notOnOrAfter = instant(Dom.child(assertion, "Conditions"), "NotOnOrAfter");
        if (notBefore == null || notOnOrAfter == null) {
            throw new VihfException("Jeton VIHF sans période de validité (Conditions).");
        }
        if (now.plus(CLOCK_SKEW).isBefore(notBefore) || !now.minus(CLOCK_SKEW).isBefore(notOnOrAfter)) {
            throw new VihfException("Jeton VIHF expiré ou pas encore valide.");
        }
        String nameId = Dom.text(Dom.child(assertion, "Subject"), "NameID");
        if (nameId == null) {
            throw new VihfException("Jeton VIHF sans identifiant de l'utilisateur (NameID).");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        List<VihfClaims.Role> roles = new ArrayList<>();
        String purpose = null;
        for (Element attribute : Dom.children(Dom.child(assertion, "AttributeStatement"), "Attribute")) {
            String name = attribute.getAttribute("Name");
            for (Element value : Dom.children(attribute, "AttributeValue")) {
                Element coded = Dom.children(value).stream().findFirst().orElse(null);
                if (coded == null) {
                    attributes.put(name, value.getTextContent().trim());
                } else if (VihfAttributes.ROLE.equals(name)) {
                    roles.add(new VihfClaims.Role(coded.getAttribute("code"), coded.getAttribute("codeSystem"),
                            Dom.attribute(coded, "displayName")));
                } else if (VihfAttributes.PURPOSE_OF_USE.equals(name)) {
                    purpose = coded.getAttribute("code");
                }
            }
        }
        for (String required : List.of(VihfAttributes.VERSION, VihfAttributes.STRUCTURE_ID,
                VihfAttributes.ACTIVITY_SECTOR, VihfAttributes.SUBJECT_ID, VihfAttributes.AUTHENTICATION_MODE,
                VihfAttributes.RESOURCE_URN, VihfAttributes.LPS_NAME, VihfAttributes.LPS_HOMOLOGATION)) {
            if (attributes.get(required) == null || attributes.get(required).isBlank()) {
                throw new VihfException("Attribut VIHF obligatoire absent : " + required + ".");
            }
        }
        if (roles.isEmpty()) {
            throw new VihfException("Jeton VIHF sans profession de l'utilisateur (role).");
        }
        if (purpose == null || PurposeOfUse.fromCode(purpose) == null) {
            throw new VihfException("Mode d'accès (PurposeOfUse) absent ou inconnu : " + purpose + ".");
        }
        Element context = Dom.child(Dom.child(assertion, "AuthnStatement"), "AuthnContext");
        return new VihfClaims(id, Dom.text(assertion, "Issuer"), nameId,
                instant(assertion, "IssueInstant"), notBefore, notOnOrAfter, Dom.text(context, "AuthnContextDecl"),
                attributes, List.copyOf(roles), purpose, signer);
    }

    private static X509Certificate checkSignature(Element signature, String assertionId) throws VihfException {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            CertificateSelector selector = new CertificateSelector();
            DOMValidateContext context = new DOMValidateContext(selector, signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature xmlSignature = factory.unmarshalXMLSignature(context);
            List<?> references = xmlSignature.getSignedInfo().getReferences();
            if (references.size() != 1 || !("#" + assertionId).equals(((Reference) references.get(0)).getURI())) {
                throw new VihfException("La signature du VIHF ne porte pas sur l'assertion elle-même.");
            }
            List<String> transforms = ((Reference) references.get(0)).getTransforms().stream()
                    .map(t -> ((Transform) t).getAlgorithm()).toList();
            if (!transforms.contains(Transform.ENVELOPED)
                    || !CanonicalizationMethod.EXCLUSIVE.equals(xmlSignature.getSignedInfo().getCanonicalizationMethod()
                    .getAlgorithm())) {
                throw new VihfException("Signature du VIHF : transformations inattendues " + transforms + ".");
            }
            if (!xmlSignature.validate(context)) {
                throw new VihfException("Signature du VIHF invalide (assertion modifiée ou clé incorrecte).");
            }
            return selector.certificate;
        } catch (VihfException e) {
            throw e;
        } catch (Exception e) {
            throw new VihfException("Signature du VIHF illisible : " + e.getMessage(), e);
        }
    }

    private static Instant instant(Element e, String attribute) throws VihfException {
        String value = Dom.attribute(e, attribute);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw new VihfException("Date invalide dans le VIHF (" + attribute + ") : " + value);
        }
    }

    /** Takes the public key from the certificate in KeyInfo and remembers that certificate. */
    private static final class CertificateSelector extends KeySelector {
        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("KeyInfo absent");
            }
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object content : data.getContent()) {
                        if (content instanceof X509Certificate cert) {
                            certificate = cert;
                            Key key = cert.getPublicKey();
                            return () -> key;
                        }
                    }
                }
            }
            throw new KeySelectorException("Aucun certificat X.509 dans KeyInfo");
        }
    }
}
