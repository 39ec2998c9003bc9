package fr.opaline.psc.oidc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link Professional} from the merged ID token and userinfo claims. Pro Santé Connect
 * gives the national identifier in {@code SubjectNameID} (also {@code preferred_username}) and the
 * practices in {@code SubjectRefPro.exercices[]} ({@code codeProfession}, {@code codeSavoirFaire},
 * {@code nomDexercice}, {@code prenomDexercice}); another provider may carry the RPPS in a claim
 * of its own (configured).
 */
public final class ProfessionalClaims {

    private ProfessionalClaims() {
    }

    public static Professional read(OidcProviderConfig config, Map<String, Object> idTokenClaims,
                                    Map<String, Object> userInfoClaims) {
        Map<String, Object> claims = new HashMap<>(idTokenClaims);
        claims.putAll(userInfoClaims);
        String subject = string(claims.get("sub"));
        String nationalId = null;
        for (String name : config.nationalIdClaims()) {
            nationalId = string(claims.get(name));
            if (nationalId != null) {
                break;
            }
        }
        String rpps = config.rppsClaim() != null ? string(claims.get(config.rppsClaim())) : rppsOf(nationalId);
        if (rpps != null && !rpps.matches("\\d{11}")) {
            rpps = null;
        }
        Map<String, Object> practice = firstPractice(claims.get("SubjectRefPro"));
        String family = firstNonNull(string(claims.get("family_name")), string(practice.get("nomDexercice")));
        String given = firstNonNull(string(claims.get("given_name")), string(practice.get("prenomDexercice")));
        return new Professional(config.id(), subject, nationalId, rpps, family, given,
                string(practice.get("codeProfession")), string(practice.get("codeSavoirFaire")));
    }

    /** RPPS-based national identifiers are "8" followed by the 11-digit RPPS. */
    public static String rppsOf(String nationalId) {
        return nationalId != null && nationalId.matches("8\\d{11}") ? nationalId.substring(1) : null;
    }

    private static Map<String, Object> firstPractice(Object refPro) {
        if (refPro instanceof Map<?, ?> map && map.get("exercices") instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> first) {
            Map<String, Object> practice = new HashMap<>();
            first.forEach((k, v) -> practice.put(String.valueOf(k), v));
            return practice;
        }
        return Map.of();
    }

    private static String string(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
