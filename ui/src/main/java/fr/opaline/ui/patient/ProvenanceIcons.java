package fr.opaline.ui.patient;

import fr.opaline.core.document.Provenance;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Icon;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** One icon per document provenance (local, DMP, MSSanté, teleradiology, PFI), named on hover. */
final class ProvenanceIcons {

    private ProvenanceIcons() {
    }

    static Region of(Provenance provenance, Messages messages) {
        Icon icon = switch (provenance) {
            case LOCAL -> Icon.PROVENANCE_LOCAL;
            case DMP -> Icon.PROVENANCE_DMP;
            case MSSANTE -> Icon.PROVENANCE_MSSANTE;
            case TELERADIOLOGY -> Icon.PROVENANCE_TELERADIOLOGY;
            case PFI -> Icon.PROVENANCE_PFI;
        };
        Region node = icon.node(18);
        node.getStyleClass().addAll("provenance", "provenance-" + provenance.name().toLowerCase(java.util.Locale.ROOT));
        Tooltip.install(node, new Tooltip(messages.label(provenance)));
        node.setAccessibleText(messages.label(provenance));
        return node;
    }
}
