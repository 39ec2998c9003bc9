package fr.opaline.hl7.pam;

import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import ca.uhn.hl7v2.model.Segment;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.hl7.inbound.InboundHandler;
import fr.opaline.hl7.inbound.InboundMessage;
import fr.opaline.hl7.inbound.InboundOutcome;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.message.ReceivedPid;
import fr.opaline.hl7.message.Segments;
import fr.opaline.ins.traits.InsText;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.ReceivedIdentity;
import fr.opaline.ins.trust.ReceivedIdentityEvaluation;
import fr.opaline.ins.trust.ReceivedIdentityService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * ADT feeds (IHE PAM, French extension, HL7 v2.5): admissions, registrations and updates create
 * or update the identity through the trust-contract matrix (SC.INS.11, SC.INS.20) — the received
 * status, the local one, the sender's contract and, when the matrix asks, INSi; A40 merges two
 * identities. The patient's DMP choices carried in CON segments (CON-2 {@code ALIM_DMP} /
 * {@code CONSULT_DMP}, CON-12 status A accepted, R refused, X withdrawn) go to the open care
 * episode: feeding opposition, consultation consent.
 */
public final class PatientAdministrationHandler implements InboundHandler {

    static final Set<String> IDENTITY_EVENTS = Set.of("A01", "A04", "A05", "A08", "A28", "A31");

    private final Database database;
    private final ReceivedIdentityService identities;
    private final CareEpisodeService episodes;
    private final PatientMerge merge;
    private final String ippIssuer;
    private final Clock clock;

    public PatientAdministrationHandler(Database database, ReceivedIdentityService identities,
                                        CareEpisodeService episodes, PatientMerge merge, String ippIssuer, Clock clock) {
        this.database = database;
        this.identities = identities;
        this.episodes = episodes;
        this.merge = merge;
        this.ippIssuer = ippIssuer;
        this.clock = clock;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("ADT");
    }

    @Override
    public boolean handles(MshHeader header) {
        return header.messageType().equals("ADT")
                && (IDENTITY_EVENTS.contains(header.triggerEvent()) || header.triggerEvent().equals("A40"));
    }

    @Override
    public InboundOutcome handle(InboundMessage m) {
        List<Segment> pids = Segments.named(m.message(), "PID");
        if (pids.isEmpty()) {
            return InboundOutcome.error(null, Hl7Error.of(Hl7Error.SEGMENT_SEQUENCE, "Segment PID absent").at("PID", 1, 0));
        }
        String sender = m.header().sendingApplication()
                + (m.header().sendingFacility().isEmpty() ? "" : "^" + m.header().sendingFacility());
        ReceivedPid pid = SenderIdentifiers.qualified(ReceivedPid.read(pids.get(0)), sender);
        Actor actor = Actor.system("hl7:" + m.header().sendingApplication());
        if (m.header().triggerEvent().equals("A40")) {
            return merge(m, pid, actor, sender);
        }
        if (pid.traits() == null) {
            return InboundOutcome.error(null, Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING,
                    "Traits d'identité incomplets (nom de naissance, prénoms, date de naissance, sexe)").at("PID", 1, 5));
        }
        UUID known = database.inTransaction(ctx -> SenderIdentifiers.find(ctx, pid.identifiers()).orElse(null));
        UUID local = known != null ? known : database.inTransaction(ctx -> rapprochement(ctx, pid).orElse(null));
        ReceivedIdentity received = new ReceivedIdentity(pid.traits(), pid.ins(), pid.status(), null, Channel.HL7,
                m.header().sendingApplication(), pid.usedName(), pid.usedFirstName());
        ReceivedIdentityEvaluation evaluation = identities.evaluate(received, local);
        if (known != null) {
            // The sender's own identifier: an update of the identity it gave us, never a second patient.
            evaluation = evaluation.asUpdateOfKnownIdentity();
        }
        if (evaluation.insi() != null
                && evaluation.insi().outcome() == fr.opaline.ins.insi.InsiLookupResult.Outcome.ERREUR_TECHNIQUE) {
            return InboundOutcome.rejected(Hl7Error.of(Hl7Error.APPLICATION_ERROR,
                    "Téléservice INSi indisponible : message à renvoyer plus tard"));
        }
        Patient patient = identities.apply(evaluation, actor);
        String consent = database.inTransaction(ctx -> {
            SenderIdentifiers.record(ctx, pid.identifiers(), patient.id(), clock.instant());
            return consents(ctx, m, patient.id(), actor);
        });
        return InboundOutcome.accepted(patient.id(), evaluation.decision().action().label() + " → "
                + patient.status().label() + " (" + sender + ", INSi : " + evaluation.insiAnswer()
                + (evaluation.insi() == null ? "" : " " + evaluation.insi().outcome()) + ")" + consent);
    }

    /** The local identity this one is: same sender identifier, else same INS, else same strict traits. */
    private Optional<UUID> rapprochement(DSLContext ctx, ReceivedPid pid) {
        Optional<UUID> known = SenderIdentifiers.find(ctx, pid.identifiers());
        if (known.isPresent()) {
            return known;
        }
        for (ReceivedPid.Identifier id : pid.identifiers()) {
            if (ippIssuer.equals(id.authority())) {
                Optional<Patient> p = new PatientRepository(ctx).findByIpp(ippIssuer, id.value());
                if (p.isPresent()) {
                    return p.map(Patient::id);
                }
            }
        }
        if (pid.ins() != null) {
            List<Patient> byIns = new PatientRepository(ctx).findByInsMatricule(pid.ins().matricule());
            if (byIns.size() == 1) {
                return Optional.of(byIns.get(0).id());
            }
        }
        List<UUID> sameTraits = ctx.select(PATIENT.ID, PATIENT.BIRTH_NAME, PATIENT.FIRST_BIRTH_FIRST_NAME).from(PATIENT)
                .where(PATIENT.BIRTH_DATE.eq(pid.birthDate())).and(PATIENT.SEX.eq(pid.sex().name()))
                .and(PatientRepository.notMerged())
                .fetch().stream()
                .filter(r -> InsText.toInsForm(r.value2()).equals(InsText.toInsForm(pid.birthName()))
                        && InsText.toInsForm(r.value3()).equals(InsText.toInsForm(pid.traits().firstBirthFirstName())))
                .map(r -> r.value1()).toList();
        return sameTraits.size() == 1 ? Optional.of(sameTraits.get(0)) : Optional.empty();
    }

    private InboundOutcome merge(InboundMessage m, ReceivedPid pid, Actor actor, String sender) {
        List<Segment> mrg = Segments.named(m.message(), "MRG");
        if (mrg.isEmpty() || Segments.get(mrg.get(0), 1, 1) == null) {
            return InboundOutcome.error(null, Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING,
                    "Segment MRG absent : identité à fusionner inconnue").at("MRG", 1, 1));
        }
        Segment merged = mrg.get(0);
        String authority = Optional.ofNullable(Segments.get(merged, 1, 0, 4, 2)).orElse(Segments.get(merged, 1, 0, 4, 1));
        List<ReceivedPid.Identifier> mergedIds = List.of(new ReceivedPid.Identifier(Segments.get(merged, 1, 1),
                authority != null ? authority : sender, Segments.get(merged, 1, 5)));
        return database.inTransaction(ctx -> {
            Optional<UUID> survivor = rapprochement(ctx, pid);
            Optional<UUID> gone = SenderIdentifiers.find(ctx, mergedIds);
            if (gone.isEmpty() && ippIssuer.equals(authority)) {
                gone = new PatientRepository(ctx).findByIpp(ippIssuer, mergedIds.get(0).value()).map(Patient::id);
            }
            if (survivor.isEmpty() || gone.isEmpty()) {
                return InboundOutcome.error(null, Hl7Error.application("902", "Identifiant patient inconnu",
                        "applicationErrorCode").at(survivor.isEmpty() ? "PID" : "MRG", 1, survivor.isEmpty() ? 3 : 1));
            }
            try {
                merge.merge(ctx, survivor.get(), gone.get(), actor, sender);
            } catch (BusinessRuleException e) {
                return InboundOutcome.error(survivor.get(), Hl7Error.application("906", e.getMessage(),
                        "applicationErrorCode").at("MRG", 1, 1));
            }
            return InboundOutcome.accepted(survivor.get(), "Fusion d'identités (" + sender + ")");
        });
    }

    /** DMP feeding opposition and consultation consent carried in CON segments. */
    private String consents(DSLContext ctx, InboundMessage m, UUID patientId, Actor actor) {
        List<Segment> cons = Segments.named(m.message(), "CON");
        if (cons.isEmpty()) {
            return "";
        }
        CareEpisode episode = episodes.currentOrOpen(ctx, patientId, actor);
        boolean opposition = episode.dmpFeedingOpposition();
        ConsultationConsent consultation = episode.consultationConsent();
        StringBuilder note = new StringBuilder();
        for (Segment con : cons) {
            String type = Segments.get(con, 2, 1);
            String status = Segments.get(con, 12, 1);
            if (type == null || status == null) {
                continue;
            }
            boolean yes = status.equals("A");
            boolean no = status.equals("R") || status.equals("X");
            if (type.equals("ALIM_DMP") && (yes || no)) {
                opposition = no;
                note.append(no ? " ; opposition à l'alimentation du DMP" : " ; alimentation du DMP acceptée");
            } else if (type.equals("CONSULT_DMP") && (yes || no)) {
                consultation = yes ? ConsultationConsent.GRANTED : ConsultationConsent.REFUSED;
                note.append(yes ? " ; consentement à la consultation du DMP" : " ; refus de la consultation du DMP");
            }
        }
        if (opposition != episode.dmpFeedingOpposition() || consultation != episode.consultationConsent()) {
            new CareEpisodeRepository(ctx).update(new CareEpisode(episode.id(), episode.patientId(), episode.openedAt(),
                    episode.closedAt(), true, opposition, consultation, clock.instant(), null,
                    episode.breakGlassAt(), episode.breakGlassBy(), episode.breakGlassReason(), episode.rowVersion()));
        }
        return note.toString();
    }
}
