package fr.opaline.ins.insi;

import static fr.opaline.ins.insi.InsiXml.child;
import static fr.opaline.ins.insi.InsiXml.childrenNamed;
import static fr.opaline.ins.insi.InsiXml.text;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.InsRuleException;
import fr.opaline.ins.insi.InsiException.Kind;
import fr.opaline.ins.matricule.MatriculeRules;
import fr.opaline.platform.soap.Soap12;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads what INSi answered: a RESULTAT (compte rendu, and for 00 the INDIVIDU), or a SOAP
 * fault. Anything else (truncated, not SOAP, an invalid matricule, a missing trait) is refused
 * with a French message; the caller changes nothing.
 */
public final class InsiResponses {

    private InsiResponses() {
    }

    public static InsiResponse read(int httpStatus, byte[] body, boolean identityRequiredOnFound) {
        if (body == null || body.length == 0) {
            throw new InsiException(Kind.HTTP_ERROR, "Le téléservice INSi a répondu sans contenu (HTTP " + httpStatus + ").");
        }
        Document doc;
        try {
            doc = InsiXml.parse(body);
        } catch (SAXException e) {
            throw new InsiException(Kind.MALFORMED_RESPONSE,
                    "Réponse du téléservice INSi illisible ou tronquée (HTTP " + httpStatus + ") : " + e.getMessage(), null, e);
        }
        Element soapBody = InsiXml.body(doc);
        if (soapBody == null) {
            throw new InsiException(Kind.MALFORMED_RESPONSE,
                    "La réponse du téléservice INSi n'est pas une enveloppe SOAP 1.2 (HTTP " + httpStatus + ").");
        }
        List<Element> content = InsiXml.children(soapBody);
        if (content.isEmpty()) {
            throw new InsiException(Kind.MALFORMED_RESPONSE, "La réponse du téléservice INSi est vide.");
        }
        Element first = content.get(0);
        if (Soap12.is(first, Soap12.FAULT)) {
            throw fault(first);
        }
        if (httpStatus != 200) {
            throw new InsiException(Kind.HTTP_ERROR, "Le téléservice INSi a répondu HTTP " + httpStatus + ".");
        }
        if (!"RESULTAT".equalsIgnoreCase(first.getLocalName())) {
            throw new InsiException(Kind.MALFORMED_RESPONSE,
                    "Réponse du téléservice INSi inattendue : élément « " + first.getLocalName() + " » au lieu de RESULTAT.");
        }
        Element cr = child(first, "CR");
        String code = text(cr, "CodeCR");
        String label = text(cr, "LibelleCR");
        if (code == null) {
            throw new InsiException(Kind.MALFORMED_RESPONSE, "Réponse du téléservice INSi sans compte rendu (CodeCR).");
        }
        Element individu = child(first, "INDIVIDU");
        InsiIdentity identity = null;
        if (InsiResponse.FOUND.equals(code) && (individu != null || identityRequiredOnFound)) {
            if (individu == null) {
                throw new InsiException(Kind.MALFORMED_RESPONSE,
                        "Le téléservice INSi annonce une identité trouvée (00) sans la renvoyer.");
            }
            identity = individu(individu);
        }
        return new InsiResponse(code, label == null ? "" : label, identity);
    }

    static InsiIdentity individu(Element individu) {
        InsNumber active = ins(child(individu, "INSACTIF"), "INSACTIF");
        List<InsNumber> previous = new ArrayList<>();
        for (Element histo : childrenNamed(individu, "INSHISTO")) {
            previous.add(ins(histo, "INSHISTO"));
        }
        Element tiq = child(individu, "TIQ");
        if (tiq == null) {
            throw malformed("traits INS (TIQ) absents");
        }
        String birthName = required(tiq, "NomNaissance");
        String firstNames = text(tiq, "ListePrenom");
        if (firstNames == null) {
            firstNames = required(tiq, "Prenom");
        }
        String sex = required(tiq, "Sexe");
        if (!sex.equals("M") && !sex.equals("F")) {
            throw malformed("sexe « " + sex + " » inattendu");
        }
        String date = required(tiq, "DateNaissance");
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw malformed("date de naissance « " + date
                    + " » incomplète ou invalide (date « lunaire » : la saisir à partir de la pièce d'identité)");
        }
        return new InsiIdentity(active, previous,
                new IdentityTraits(birthName, firstNames, null, birthDate, Sex.valueOf(sex), text(tiq, "LieuNaissance")));
    }

    private static InsNumber ins(Element element, String what) {
        if (element == null) {
            throw malformed(what + " absent");
        }
        Element id = child(element, "IdIndividu");
        String num = required(id, "NumIdentifiant");
        String key = text(id, "Cle");
        String oid = required(element, "OID");
        try {
            return MatriculeRules.requireValid(new InsNumber(num + (key == null ? "" : key), oid));
        } catch (InsRuleException e) {
            throw malformed(what + " invalide : " + e.getMessage());
        }
    }

    private static String required(Element parent, String name) {
        String value = text(parent, name);
        if (value == null) {
            throw malformed("élément " + name + " absent");
        }
        return value;
    }

    private static InsiException malformed(String what) {
        return new InsiException(Kind.MALFORMED_RESPONSE, "Réponse du téléservice INSi incomplète : " + what + ".");
    }

    private static InsiException fault(Element fault) {
        Element reason = child(fault, "Reason");
        String reasonText = reason == null ? null : text(reason, "Text");
        Element detail = child(fault, "Detail");
        Element erreur = detail == null ? null : child(detail, "Erreur");
        String code = erreur == null ? null : erreur.getAttribute("code");
        String erreurText = erreur == null ? null : erreur.getTextContent().trim();
        StringBuilder message = new StringBuilder("Le téléservice INSi a refusé la demande");
        if (code != null && !code.isEmpty()) {
            message.append(" (erreur ").append(code).append(')');
        }
        String explanation = erreurText != null && !erreurText.isEmpty() ? erreurText : reasonText;
        if (explanation != null) {
            message.append(" : ").append(explanation);
        }
        message.append('.');
        return new InsiException(Kind.SOAP_FAULT, message.toString(), code == null || code.isEmpty() ? null : code, null);
    }
}
