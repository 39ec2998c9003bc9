package fr.opaline.ins.insi;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.ins.insi.InsiLookupResult.Attempt;
import fr.opaline.ins.insi.InsiLookupResult.Outcome;
import fr.opaline.ins.insi.TraitComparison.Concordance;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import fr.opaline.ins.traits.InsText;
import fr.opaline.ins.traits.TraitRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The INS récupération sequence of the DSR (3.2.8, SC.INS.13–15, 19, 22):
 * <ol>
 * <li>first call by traits <b>without</b> the birthplace code;</li>
 * <li>on 02, relaunch at once with the birthplace code, without telling the user;</li>
 * <li>on 00, compare each trait; when matricule (if known locally), birth name, first birth
 * first name, birth date and sex all concord, the INS is taken automatically (récupérée);
 * otherwise the user validates in one click after reading the differences;</li>
 * <li>01 and 02 give an adapted message and advice.</li>
 * </ol>
 * Runs on the caller's thread: the UI calls it off the FX thread.
 */
public final class InsiLookupService {

    public static final String AUDIT_INSI_CALLED = "INSI_CALLED";
    static final String ADVICE_TECHNICAL = "Aucune donnée n'a été modifiée ; l'identité garde son statut. Réessayez dans quelques instants.";

    private final InsiClient client;
    private final Database database;
    private final PatientService patients;
    private final IdentityStatusService statuses;
    private final AuditTrail audit;
    private final Clock clock;
    private final Predicate<String> knownBirthplace;

    /**
     * @param client null when no INSi endpoint is configured
     * @param knownBirthplace whether the local COG referential knows a birthplace code
     */
    public InsiLookupService(InsiClient client, Database database, PatientService patients,
                             IdentityStatusService statuses, AuditTrail audit, Clock clock,
                             Predicate<String> knownBirthplace) {
        this.client = client;
        this.database = database;
        this.patients = patients;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
        this.knownBirthplace = knownBirthplace == null ? code -> true : knownBirthplace;
    }

    /** Whether opening this record should query INSi by itself (not récupérée nor qualifiée). */
    public static boolean shouldQueryOnOpen(Patient patient) {
        return patient.status() != IdentityStatus.RECUPEREE && patient.status() != IdentityStatus.QUALIFIEE;
    }

    /** The sequence for traits not (yet) in a record; nothing is written. */
    public InsiLookupResult lookup(IdentityTraits local, InsNumber localIns) {
        if (client == null) {
            return notConfigured();
        }
        List<String> problems = TraitRules.check(local, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            return new InsiLookupResult(Outcome.TRAITS_INVALIDES, null, null, null, String.join(" ", problems),
                    "Corrigez la saisie des traits d'identité à partir de la pièce d'identité, puis relancez la recherche.",
                    true, null);
        }
        IdentityTraits insForm = TraitRules.toInsForm(local);
        List<Attempt> attempts = new ArrayList<>();
        InsiResponse response;
        try {
            response = client.searchByTraits(InsiTraitsQuery.of(insForm, false));
            attempts.add(new Attempt(InsiSoap.OP_BY_TRAITS, false, response.code(), response.label()));
            boolean canRelaunch = insForm.birthplaceCode() != null
                    && !TraitRules.UNKNOWN_BIRTHPLACE.equals(insForm.birthplaceCode());
            if (response.several() && canRelaunch) {
                response = client.searchByTraits(InsiTraitsQuery.of(insForm, true));
                attempts.add(new Attempt(InsiSoap.OP_BY_TRAITS, true, response.code(), response.label()));
            }
        } catch (InsiException e) {
            return technical(e, attempts);
        }
        return interpret(response, local, localIns, null, attempts);
    }

    /** The sequence for a patient record, audited; an INS whose traits all concord is taken at once. */
    public InsiLookupResult lookupForPatient(UUID patientId, Actor actor) {
        Patient patient = find(patientId);
        InsiLookupResult result = lookup(patient.traits(), patient.ins());
        recordCall(patient, result, actor);
        if (result.outcome() == Outcome.RECUPEREE_AUTOMATIQUEMENT) {
            Patient updated = statuses.recordInsRetrieval(patientId, result.identity().activeIns(),
                    insTraits(result.identity()), InsSource.INSI_TRAITS,
                    "Récupération INSi automatique : tous les traits concordent", actor);
            return result.withPatient(updated);
        }
        return result;
    }

    /**
     * Récupération with the carte Vitale (the method to prefer). With a patient, the result is
     * compared with his record and applied when everything concords; without, it is only returned.
     */
    public InsiLookupResult lookupByCarteVitale(UUID patientId, CarteVitaleQuery query, Actor actor) {
        if (client == null) {
            return notConfigured();
        }
        Patient patient = patientId == null ? null : find(patientId);
        List<Attempt> attempts = new ArrayList<>();
        InsiLookupResult result;
        try {
            InsiResponse response = client.searchByCarteVitale(query);
            attempts.add(new Attempt(InsiSoap.OP_BY_CARTE_VITALE, false, response.code(), response.label()));
            result = interpret(response, patient == null ? null : patient.traits(),
                    patient == null ? null : patient.ins(), query.nirIndividu(), attempts);
        } catch (InsiException e) {
            result = technical(e, attempts);
        }
        if (patient == null) {
            return result;
        }
        recordCall(patient, result, actor);
        if (result.outcome() == Outcome.RECUPEREE_AUTOMATIQUEMENT) {
            return result.withPatient(statuses.recordInsRetrieval(patientId, result.identity().activeIns(),
                    insTraits(result.identity()), InsSource.INSI_CARTE_VITALE,
                    "Récupération INSi par carte Vitale : tous les traits concordent", actor));
        }
        return result;
    }

    /** The user compared a 00 result and validates it ("validation en un clic"). */
    public Patient confirm(UUID patientId, InsiLookupResult result, InsSource source, Actor actor) {
        if (result.identity() == null) {
            throw new BusinessRuleException("Aucune identité INSi à valider : relancez la recherche.");
        }
        long differences = result.comparisons().stream().filter(c -> c.concordance() == Concordance.DIFFERENT).count();
        return statuses.recordInsRetrieval(patientId, result.identity().activeIns(), insTraits(result.identity()),
                source, "Récupération INSi validée par l'utilisateur (" + differences + " différence(s) constatée(s))",
                actor);
    }

    /** A new record made from what INSi returned (e.g. after a carte Vitale récupération at the desk). */
    public Patient createFromInsi(InsiIdentity identity, InsSource source, String usedName, String usedFirstName,
                                  Actor actor) {
        Objects.requireNonNull(identity, "identity");
        return database.inTransaction(ctx -> {
            Patient created = patients.create(ctx, new NewPatient(insTraits(identity), usedName, usedFirstName,
                    null, null), actor);
            return statuses.recordInsRetrieval(ctx, created.id(), identity.activeIns(), insTraits(identity), source,
                    "Identité créée à partir du retour INSi", actor);
        });
    }

    private Patient find(UUID patientId) {
        return new PatientRepository(database.dsl()).findById(patientId)
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
    }

    private static IdentityTraits insTraits(InsiIdentity identity) {
        IdentityTraits t = identity.traits();
        return new IdentityTraits(t.birthName(), t.birthFirstNames(), null, t.birthDate(), t.sex(), t.birthplaceCode());
    }

    private void recordCall(Patient patient, InsiLookupResult result, Actor actor) {
        StringBuilder detail = new StringBuilder();
        for (Attempt a : result.attempts()) {
            if (detail.length() > 0) {
                detail.append(" ; ");
            }
            detail.append(a.operation()).append(a.withBirthplace() ? " avec lieu de naissance" : "").append(" → ")
                    .append(a.code());
        }
        detail.append(" : ").append(result.outcome());
        audit.record(AuditEntry.of(actor, AUDIT_INSI_CALLED, patient.id()).on("patient", patient.ipp())
                .withDetail(detail.toString()));
    }

    InsiLookupResult interpret(InsiResponse response, IdentityTraits local, InsNumber localIns, String nirFromCard,
                               List<Attempt> attempts) {
        if (response.found()) {
            InsiIdentity identity = response.identity();
            List<TraitComparison> comparisons = compare(local, localIns, nirFromCard, identity);
            boolean known = identity.traits().birthplaceCode() == null
                    || knownBirthplace.test(identity.traits().birthplaceCode());
            boolean automatic = local != null && comparisons.stream()
                    .filter(c -> !c.trait().equals("Prénoms de naissance") && !c.trait().equals("Lieu de naissance"))
                    .allMatch(c -> c.concords() || (c.concordance() == Concordance.ABSENT_LOCALEMENT
                            && (c.trait().equals("Matricule INS") || c.trait().equals("NIR (carte Vitale)"))));
            String placeNote = known ? "" : " Le code du lieu de naissance renvoyé (" + identity.traits().birthplaceCode()
                    + ") est absent du référentiel local : vous pouvez l'accepter.";
            if (automatic) {
                return new InsiLookupResult(Outcome.RECUPEREE_AUTOMATIQUEMENT, identity, comparisons, attempts,
                        "Identité récupérée : les traits renvoyés par INSi concordent avec l'identité locale." + placeNote,
                        "Contrôlez une pièce d'identité à haut niveau de confiance pour qualifier l'identité.",
                        known, null);
            }
            return new InsiLookupResult(Outcome.A_VALIDER, identity, comparisons, attempts,
                    "INSi a trouvé une identité. Comparez les traits (différences signalées) puis validez si elle "
                            + "correspond bien au patient." + placeNote,
                    "En cas de doute, ne validez pas : vérifiez la pièce d'identité ou interrogez INSi avec la carte Vitale.",
                    known, null);
        }
        if (response.several()) {
            boolean withPlace = attempts.stream().anyMatch(Attempt::withBirthplace);
            return new InsiLookupResult(Outcome.PLUSIEURS_IDENTITES, null, null, attempts,
                    withPlace ? "Plusieurs identités correspondent aux traits saisis, même avec le lieu de naissance (retour 02)."
                            : "Plusieurs identités correspondent aux traits saisis (retour 02).",
                    withPlace ? "Vérifiez les traits sur la pièce d'identité, ou interrogez INSi avec la carte Vitale, plus sûre."
                            : "Saisissez le code INSEE du lieu de naissance pour affiner la recherche, ou utilisez la carte Vitale.",
                    true, null);
        }
        if (response.notFound()) {
            return new InsiLookupResult(Outcome.AUCUNE_IDENTITE, null, null, attempts,
                    "Aucune identité trouvée par le téléservice INSi (retour 01).",
                    "Vérifiez l'orthographe du nom et du premier prénom de naissance, la date de naissance et le sexe "
                            + "sur la pièce d'identité ; essayez un autre prénom de naissance ; de préférence, "
                            + "interrogez INSi avec la carte Vitale.",
                    true, null);
        }
        return new InsiLookupResult(Outcome.ERREUR_TECHNIQUE, null, null, attempts,
                "Le téléservice INSi a répondu « " + response.code() + " – " + response.label() + " ».",
                ADVICE_TECHNICAL, true, null);
    }

    static List<TraitComparison> compare(IdentityTraits local, InsNumber localIns, String nirFromCard,
                                         InsiIdentity identity) {
        IdentityTraits insi = identity.traits();
        List<TraitComparison> out = new ArrayList<>();
        out.add(compareValue("Matricule INS", localIns == null ? null : localIns.matricule(),
                identity.activeIns().matricule()));
        if (nirFromCard != null) {
            out.add(compareValue("NIR (carte Vitale)", nirFromCard, identity.activeIns().matricule().substring(0, 13)));
        }
        if (local == null) {
            out.add(compareValue("Nom de naissance", null, insi.birthName()));
            out.add(compareValue("1er prénom de naissance", null, insi.firstBirthFirstName()));
            out.add(compareValue("Prénoms de naissance", null, insi.birthFirstNames()));
            out.add(compareValue("Date de naissance", null, insi.birthDate().toString()));
            out.add(compareValue("Sexe", null, insi.sex().name()));
            out.add(compareValue("Lieu de naissance", null, insi.birthplaceCode()));
            return out;
        }
        out.add(compareValue("Nom de naissance", local.birthName(), insi.birthName()));
        out.add(compareValue("1er prénom de naissance", local.firstBirthFirstName(), insi.firstBirthFirstName()));
        out.add(compareValue("Prénoms de naissance", local.birthFirstNames(), insi.birthFirstNames()));
        out.add(compareValue("Date de naissance", local.birthDate().toString(), insi.birthDate().toString()));
        out.add(compareValue("Sexe", local.sex().name(), insi.sex().name()));
        out.add(compareValue("Lieu de naissance", local.birthplaceCode(), insi.birthplaceCode()));
        return out;
    }

    static TraitComparison compareValue(String trait, String local, String insi) {
        if (local == null || local.isBlank()) {
            return new TraitComparison(trait, local, insi, Concordance.ABSENT_LOCALEMENT);
        }
        String a = InsText.toInsForm(local);
        String b = insi == null ? "" : InsText.toInsForm(insi);
        return new TraitComparison(trait, local, insi, a.equals(b) ? Concordance.IDENTIQUE : Concordance.DIFFERENT);
    }

    private static InsiLookupResult technical(InsiException e, List<Attempt> attempts) {
        return new InsiLookupResult(Outcome.ERREUR_TECHNIQUE, null, null, attempts, e.getMessage(), ADVICE_TECHNICAL,
                true, null);
    }

    private static InsiLookupResult notConfigured() {
        return new InsiLookupResult(Outcome.INSI_NON_CONFIGURE, null, null, null,
                "Le téléservice INSi n'est pas configuré sur ce poste (clé insi.url).",
                "Demandez à l'administrateur de configurer l'accès INSi ; l'identité reste provisoire.", true, null);
    }
}
