package fr.opaline.dmp.vihf;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a verified VIHF says: who (NameID, subject-id, roles), for which structure and patient,
 * how authenticated, for what purpose, signed by which certificate.
 *
 * @param attributes text attributes by name (roles and purpose of use are in their own fields)
 * @param roles      the Role codes: profession (TRE_G15) then specialty
 */
public record VihfClaims(String assertionId, String issuer, String nameId, Instant issueInstant, Instant notBefore,
                         Instant notOnOrAfter, String authnContextDecl, Map<String, String> attributes,
                         List<Role> roles, String purposeOfUse, X509Certificate signer) {

    /** A coded role with its code system. */
    public record Role(String code, String codeSystem, String displayName) {
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The profession code (TRE_G15), or null. */
    public String professionCode() {
        return roles.stream().filter(r -> VihfSubject.PROFESSION_SYSTEM.equals(r.codeSystem())).map(Role::code)
                .findFirst().orElse(null);
    }

    /** The RPPS behind the national identifier (8 + RPPS), or null for another kind of identifier. */
    public String rpps() {
        return nameId != null && nameId.length() == 12 && nameId.startsWith("8") ? nameId.substring(1) : null;
    }

    /** Matricule of the patient the VIHF is about (resource-id matricule^^^&amp;oid&amp;ISO^NH), or null. */
    public String patientMatricule() {
        String resource = attributes.get(VihfAttributes.RESOURCE_ID);
        if (resource == null) {
            return null;
        }
        int caret = resource.indexOf('^');
        return caret < 0 ? resource : resource.substring(0, caret);
    }
}
