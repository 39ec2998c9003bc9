package fr.opaline.sandbox.ins;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.core.common.Json;
import fr.opaline.ins.traits.InsText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sandbox's population and how INSi finds people in it: exact match on the INS form of the
 * birth name, a first name among the birth first names, sex, birth date, and the birthplace
 * when the query gives one.
 */
public final class SandboxIdentities {

    public static final String RESOURCE = "/fr/opaline/ins/insi/sandbox-identities.json";

    private final List<SandboxIdentity> identities;

    public SandboxIdentities(List<SandboxIdentity> identities) {
        this.identities = List.copyOf(identities);
    }

    /** The dataset shipped with Opaline (fictitious people, test OIDs). */
    public static SandboxIdentities builtIn() {
        try (InputStream in = SandboxIdentities.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE);
            List<SandboxIdentity> list = new ArrayList<>();
            for (JsonNode n : Json.mapper().readTree(in)) {
                List<SandboxIdentity.PreviousIns> previous = new ArrayList<>();
                for (JsonNode p : n.path("previous")) {
                    previous.add(new SandboxIdentity.PreviousIns(p.get("matricule").asText(), p.get("oid").asText()));
                }
                JsonNode cv = n.get("carteVitale");
                list.add(new SandboxIdentity(n.get("case").asText(), n.get("matricule").asText(), n.get("oid").asText(),
                        n.get("birthName").asText(), n.get("birthFirstNames").asText(), n.get("sex").asText(),
                        n.get("birthDate").asText(), n.get("birthplace").asText(), previous,
                        cv == null ? null : new SandboxIdentity.CarteVitale(cv.get("nirOuvrantDroit").asText(),
                                cv.get("rang").asText())));
            }
            return new SandboxIdentities(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SandboxIdentity> all() {
        return identities;
    }

    public List<SandboxIdentity> byTraits(String birthName, String firstName, String sex, String birthDate,
                                          String birthplace) {
        String name = InsText.toInsForm(birthName);
        String first = InsText.toInsForm(firstName);
        List<SandboxIdentity> found = new ArrayList<>();
        for (SandboxIdentity id : identities) {
            if (id.birthName().equals(name) && id.firstNameList().contains(first) && id.sex().equals(sex)
                    && id.birthDate().equals(birthDate) && (birthplace == null || id.birthplace().equals(birthplace))) {
                found.add(id);
            }
        }
        return found;
    }

    public List<SandboxIdentity> byCarteVitale(String nirIndividu, String nirOuvrantDroit, String birthDate,
                                               String rang) {
        List<SandboxIdentity> found = new ArrayList<>();
        for (SandboxIdentity id : identities) {
            boolean sameDate = birthDate == null || id.birthDate().equals(birthDate);
            if (nirIndividu != null) {
                if (id.matricule().startsWith(nirIndividu) && sameDate) {
                    found.add(id);
                }
            } else if (id.carteVitale() != null && id.carteVitale().nirOuvrantDroit().equals(nirOuvrantDroit)
                    && sameDate && id.carteVitale().rang().equals(rang == null ? "1" : rang)) {
                found.add(id);
            }
        }
        return found;
    }

    public SandboxIdentity byActiveIns(String matricule, String oid) {
        for (SandboxIdentity id : identities) {
            if (id.matricule().equals(matricule) && id.oid().equals(oid)) {
                return id;
            }
        }
        return null;
    }
}
