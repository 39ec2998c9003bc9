package fr.opaline.sandbox.psc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fictitious health professional known to the sandbox Pro Santé Connect, with a test national
 * identifier (8 + test RPPS 997…). The first three are the radiologists {@code opaline seed}
 * creates; the fourth has no local account, to try the first-login reconciliation. The fifth has
 * the national identifier with "/" of the ANS proxy e-Santé's tests ({@code 500000001815646/CPAT00045},
 * ansforge/psc-edc-proxy-esante, AbstractProxyIntegrationTest.ID_NAT).
 */
public record SandboxProfessional(String nationalId, String civility, String familyName, String givenName,
                                  String professionCode, String specialtyCode) {

    public static final List<SandboxProfessional> DIRECTORY = List.of(
            new SandboxProfessional("899700000000", "MME", "LAMBERT", "Claire", "10", "SM44"),
            new SandboxProfessional("899700000001", "M", "OKAFOR", "Samuel", "10", "SM44"),
            new SandboxProfessional("899700000002", "MME", "LEFÈVRE", "Hélène", "10", "SM44"),
            new SandboxProfessional("899700000003", "M", "MOREAU", "Julien", "10", "SM44"),
            new SandboxProfessional("500000001815646/CPAT00045", "MME", "ROUSSEL", "Inès", "10", "SM44"));

    public static Optional<SandboxProfessional> find(String nationalId) {
        return DIRECTORY.stream().filter(p -> p.nationalId().equals(nationalId)).findFirst();
    }

    /** Stable subject, as PSC keeps one per professional. */
    public String subject() {
        return "f:" + UUID.nameUUIDFromBytes(("opaline-sandbox-psc:" + nationalId).getBytes(StandardCharsets.UTF_8));
    }

    public String displayName() {
        return "Dr " + givenName + " " + familyName;
    }

    /** The claims PSC's userinfo carries for a professional (subset Opaline reads). */
    public Map<String, Object> claims() {
        return Map.of(
                "SubjectNameID", nationalId,
                "preferred_username", nationalId,
                "family_name", familyName,
                "given_name", givenName,
                "SubjectRefPro", Map.of(
                        "codeCivilite", civility,
                        "exercices", List.of(Map.of(
                                "codeProfession", professionCode,
                                "codeCategorieProfessionnelle", "C",
                                "codeCiviliteDexercice", "DR",
                                "nomDexercice", familyName,
                                "prenomDexercice", givenName,
                                "codeTypeSavoirFaire", "S",
                                "codeSavoirFaire", specialtyCode,
                                "activities", List.of()))),
                "SubjectRole", List.of(professionCode + "^1.2.250.1.213.1.1.5.5"));
    }
}
