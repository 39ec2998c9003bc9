package fr.opaline.hl7.route;

import java.util.Locale;

/** What an outbound HL7 route carries, and the outbox job type that sends it. */
public enum Hl7RouteKind {
    /** Identity feed: ADT^A28 creation, A31 update, A40 merge (IHE PAM FR, ITI-30). */
    ADT("Identités (ADT A28/A31/A40)"),
    /** Orders to a PACS: ORM^O01 new (NW), changed (XO), cancelled (CA). */
    ORM("Demandes d'examen vers un PACS (ORM^O01)"),
    /** Validated CRs to a plateforme d'intégration: ORU^R01 with the CDA, DESTDMP set. */
    PFI("Comptes rendus vers une PFI (ORU^R01)");

    private final String label;

    Hl7RouteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outbox job type of this kind's sends. */
    public String jobType() {
        return switch (this) {
            case ADT -> RouteJob.ADT;
            case ORM -> RouteJob.ORM;
            case PFI -> RouteJob.PFI;
        };
    }

    /** adt, ADT, orm, pfi… or a French error. */
    public static Hl7RouteKind parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Hl7RouteKind k : values()) {
            if (k.name().equals(t)) {
                return k;
            }
        }
        throw new fr.opaline.core.common.BusinessRuleException("Type de route HL7 inconnu : « " + (text == null ? "" : text)
                + " » (adt, orm ou pfi).");
    }
}
