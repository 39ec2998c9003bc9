package fr.opaline.ui.patient;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.ui.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * How an identity's RNIV status shows wherever a patient appears (REQUIREMENTS §1: visible
 * without a click): a coloured label per status, chips for the attributes douteuse, fictive and
 * homonyme, and a tooltip that says what the status means and what is missing to reach
 * "qualifiée".
 */
public record IdentityPresentation(String statusLabel, String shortLabel, String styleClass, String tooltip,
                                   List<Chip> attributes) {

    /** An attribute of the identity. */
    public record Chip(String label, String styleClass, String tooltip) {
    }

    public static IdentityPresentation of(Patient patient, Messages messages) {
        return of(patient.status(), patient.attributes(), messages);
    }

    public static IdentityPresentation of(IdentityStatus status, IdentityAttributes attributes, Messages messages) {
        String key = status.name().toLowerCase(java.util.Locale.ROOT);
        List<Chip> chips = new ArrayList<>();
        if (attributes.doubtful()) {
            chips.add(new Chip(messages.get("identity.attr.doubtful"), "identity-attr-alert",
                    messages.get("identity.attr.doubtful.tip")));
        }
        if (attributes.fictitious()) {
            chips.add(new Chip(messages.get("identity.attr.fictitious"), "identity-attr-alert",
                    messages.get("identity.attr.fictitious.tip")));
        }
        if (attributes.homonym()) {
            chips.add(new Chip(messages.get("identity.attr.homonym"), "identity-attr-warning",
                    messages.get("identity.attr.homonym.tip")));
        }
        StringBuilder tip = new StringBuilder(messages.get("identity." + key + ".meaning"));
        if (status != IdentityStatus.QUALIFIEE) {
            tip.append("\n\n").append(messages.get("identity.toQualify")).append('\n')
                    .append(messages.get("identity." + key + ".toQualify"));
        }
        if (attributes.doubtful() || attributes.fictitious()) {
            tip.append("\n\n").append(messages.get("identity.blocked"));
        }
        return new IdentityPresentation(messages.get("identity." + key), messages.label(status),
                "identity-" + key, tip.toString(), List.copyOf(chips));
    }
}
