package fr.opaline.ui.patient;

import fr.opaline.api.dmp.ConsentHistoryLine;
import fr.opaline.api.identity.StatusHistoryLine;
import fr.opaline.ui.i18n.Messages;
import java.time.ZoneId;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * The record's histories, read when opened: the identity status changes (RNIV: from, to, why, who,
 * when) and the DMP consent decisions of the current care episode (who traced what, how, when).
 */
public final class RecordHistoryPane extends TitledPane {

    private final PatientRecordViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final VBox identity = new VBox(4);
    private final VBox consent = new VBox(4);

    public RecordHistoryPane(PatientRecordViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        setId("record-history");
        setText(messages.get("record.history"));
        setExpanded(false);
        identity.setId("record-history-identity");
        consent.setId("record-history-consent");
        Label identityTitle = new Label(messages.get("record.history.identity"));
        identityTitle.getStyleClass().add("fact-label");
        Label consentTitle = new Label(messages.get("record.history.consent"));
        consentTitle.getStyleClass().add("fact-label");
        setContent(new VBox(8, identityTitle, identity, consentTitle, consent));
        expandedProperty().addListener((o, was, now) -> {
            if (now) {
                read();
            }
        });
        model.patientProperty().addListener((o, was, now) -> {
            if (isExpanded()) {
                read();
            }
        });
    }

    private void read() {
        model.histories(read -> {
            identity.getChildren().setAll(read.identity().stream().map(this::line).toList());
            if (read.identity().isEmpty()) {
                identity.getChildren().setAll(muted(messages.get("record.history.none")));
            }
            consent.getChildren().setAll(read.consent().stream().map(this::line).toList());
            if (read.consent().isEmpty()) {
                consent.getChildren().setAll(muted(messages.get("record.history.consent.none")));
            }
        });
    }

    private Label line(StatusHistoryLine c) {
        String from = c.fromStatus() == null ? messages.get("record.history.created") : status(c.fromStatus());
        return wrapped(messages.format("record.history.identity.line", when(c.at()), from, status(c.toStatus()),
                c.reason() == null ? "—" : c.reason(), c.actor()));
    }

    private Label line(ConsentHistoryLine c) {
        return wrapped(messages.format("record.history.consent.line", when(c.at()), c.detail(),
                c.origin() == null ? "—" : c.origin(), c.actor()));
    }

    private String status(String name) {
        return messages.find("enum.IdentityStatus." + name).orElse(name);
    }

    private String when(java.time.Instant at) {
        return messages.date(at.atZone(zone)) + " " + messages.time(at.atZone(zone));
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add("muted");
        return label;
    }
}
