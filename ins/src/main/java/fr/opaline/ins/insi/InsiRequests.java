package fr.opaline.ins.insi;

import static fr.opaline.ins.insi.InsiSoap.CTXBAM_NS;
import static fr.opaline.ins.insi.InsiSoap.CTXLPS_NS;
import static fr.opaline.ins.insi.InsiSoap.RECSANS_NS;
import static fr.opaline.ins.insi.InsiSoap.RECVIT_NS;
import static fr.opaline.ins.insi.InsiSoap.VERIF_REQ_NS;
import static fr.opaline.ins.insi.InsiSoap.WSA_NS;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.ins.traits.InsText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The three INSi requests as SOAP 1.2 envelopes, with the ContexteBAM / ContexteLPS / WS-Addressing headers. */
final class InsiRequests {

    private final InsiSettings settings;

    InsiRequests(InsiSettings settings) {
        this.settings = settings;
    }

    String byTraits(InsiTraitsQuery q, Instant now) {
        return SoapWriter.envelope(headers(InsiSoap.OP_BY_TRAITS, now, null), w -> {
            w.start("rs", RECSANS_NS, "RECSANSVITALE")
                    .leaf("rs", RECSANS_NS, "NomNaissance", q.birthName())
                    .leaf("rs", RECSANS_NS, "Prenom", q.firstName())
                    .leaf("rs", RECSANS_NS, "Sexe", q.sex().name())
                    .leaf("rs", RECSANS_NS, "DateNaissance", q.birthDate().toString())
                    .leaf("rs", RECSANS_NS, "LieuNaissance", q.birthplaceCode())
                    .end();
        });
    }

    String byCarteVitale(CarteVitaleQuery q, Instant now) {
        return SoapWriter.envelope(headers(InsiSoap.OP_BY_CARTE_VITALE, now, q), w -> {
            w.start("rv", RECVIT_NS, "RECVITALE");
            if (q.nirIndividu() != null) {
                w.open("rv", RECVIT_NS, "MatriculeIndividu").leaf("rv", RECVIT_NS, "NumIdentifiant", q.nirIndividu())
                        .end();
            }
            w.open("rv", RECVIT_NS, "MatriculeOD").leaf("rv", RECVIT_NS, "NumIdentifiant", q.nirOuvrantDroit()).end()
                    .leaf("rv", RECVIT_NS, "NomNaissance", q.birthName() == null ? null : InsText.toInsForm(q.birthName()))
                    .leaf("rv", RECVIT_NS, "DateNaissance", q.birthDate())
                    .leaf("rv", RECVIT_NS, "RangNaissance", q.rangNaissance())
                    .end();
        });
    }

    String verification(InsNumber ins, IdentityTraits traits, Instant now) {
        return SoapWriter.envelope(headers(InsiSoap.OP_VERIFY, now, null), w -> {
            w.start("rq", VERIF_REQ_NS, "RequeteUnitaire").open("rq", VERIF_REQ_NS, "IndividuVerifie")
                    .open("rq", VERIF_REQ_NS, "INSFourni").open("rq", VERIF_REQ_NS, "IdIndividu")
                    .leaf("rq", VERIF_REQ_NS, "NumIdentifiant", ins.matricule().substring(0, 13))
                    .leaf("rq", VERIF_REQ_NS, "Cle", ins.matricule().substring(13))
                    .end()
                    .leaf("rq", VERIF_REQ_NS, "OID", ins.oid())
                    .end()
                    .open("rq", VERIF_REQ_NS, "TraitsIdentiteIndividu")
                    .leaf("rq", VERIF_REQ_NS, "NomNaissance", InsText.toInsForm(traits.birthName()))
                    .leaf("rq", VERIF_REQ_NS, "Prenom", InsText.toInsForm(traits.firstBirthFirstName()))
                    .leaf("rq", VERIF_REQ_NS, "ListePrenom", InsText.toInsForm(traits.birthFirstNames()))
                    .leaf("rq", VERIF_REQ_NS, "Sexe", traits.sex().name())
                    .leaf("rq", VERIF_REQ_NS, "DateNaissance", traits.birthDate().toString())
                    .leaf("rq", VERIF_REQ_NS, "LieuNaissance", traits.birthplaceCode())
                    .end().end().end();
        });
    }

    private SoapWriter.Part headers(String operation, Instant now, CarteVitaleQuery card) {
        String time = now.truncatedTo(ChronoUnit.MILLIS).toString();
        return w -> {
            w.start("ctxbam", CTXBAM_NS, "ContexteBAM").attribute("Version", "01_02")
                    .leaf("ctxbam", CTXBAM_NS, "Id", UUID.randomUUID().toString())
                    .leaf("ctxbam", CTXBAM_NS, "Temps", time)
                    .leaf("ctxbam", CTXBAM_NS, "Emetteur", settings.emitter())
                    .open("ctxbam", CTXBAM_NS, "COUVERTURE");
            if (card != null) {
                w.open("ctxbam", CTXBAM_NS, "ASSURE").open("ctxbam", CTXBAM_NS, "Id")
                        .leaf("ctxbam", CTXBAM_NS, "Num", card.nirOuvrantDroit()).end().end()
                        .open("ctxbam", CTXBAM_NS, "BENEFICIAIRE");
                if (card.nirIndividu() != null) {
                    w.open("ctxbam", CTXBAM_NS, "Nir").leaf("ctxbam", CTXBAM_NS, "Num", card.nirIndividu()).end();
                }
                w.leaf("ctxbam", CTXBAM_NS, "DateNai", card.birthDate())
                        .leaf("ctxbam", CTXBAM_NS, "Rang", card.rangNaissance()).end();
            }
            w.end().end();
            w.start("ctxlps", CTXLPS_NS, "ContexteLPS").attribute("Nature", "CTXLPS").attribute("Version", "01_00")
                    .leaf("ctxlps", CTXLPS_NS, "Id", UUID.randomUUID().toString())
                    .leaf("ctxlps", CTXLPS_NS, "Temps", time)
                    .leaf("ctxlps", CTXLPS_NS, "Emetteur", settings.emitter())
                    .open("ctxlps", CTXLPS_NS, "LPS")
                    .open("ctxlps", CTXLPS_NS, "IDAM").attribute("R", "4").text(settings.lpsIdam()).end()
                    .leaf("ctxlps", CTXLPS_NS, "Version", settings.lpsVersion())
                    .leaf("ctxlps", CTXLPS_NS, "Instance", settings.lpsInstance())
                    .leaf("ctxlps", CTXLPS_NS, "Nom", "urn:lps:" + settings.lpsName() + ":" + settings.lpsVersion())
                    .end().end();
            w.start("wsa", WSA_NS, "Action").text(InsiSoap.action(operation)).end();
            w.start("wsa", WSA_NS, "MessageID").text("uuid:" + UUID.randomUUID()).end();
        };
    }

}
