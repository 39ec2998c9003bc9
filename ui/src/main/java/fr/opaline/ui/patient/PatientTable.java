package fr.opaline.ui.patient;

import fr.opaline.core.common.SearchKeys;
import fr.opaline.core.patient.Patient;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.IdentityBadge;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Patients found by a search, with their identity status in its own column. */
public final class PatientTable extends TableView<Patient> {

    public PatientTable(ObservableList<Patient> patients, Messages messages) {
        super(patients);
        getStyleClass().add("patient-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(text(messages.get("patient.col.birthName"), p -> p.traits().birthName(), 130));
        getColumns().add(text(messages.get("patient.col.usedName"), p -> p.usedName() == null
                || SearchKeys.fold(p.usedName()).equals(SearchKeys.fold(p.traits().birthName())) ? "" : p.usedName(), 120));
        getColumns().add(text(messages.get("patient.col.firstNames"), p -> p.traits().birthFirstNames(), 150));
        TableColumn<Patient, String> born = text(messages.get("patient.col.birthDate"),
                p -> messages.date(p.traits().birthDate()), 92);
        born.setMinWidth(100);
        getColumns().add(born);
        TableColumn<Patient, String> sex = text(messages.get("patient.col.sex"),
                p -> messages.get("sex.short." + p.traits().sex().name()), 56);
        sex.setMinWidth(54);
        getColumns().add(sex);
        TableColumn<Patient, String> ipp = text(messages.get("patient.col.ipp"), Patient::ipp, 78);
        ipp.setMinWidth(72);
        getColumns().add(ipp);
        TableColumn<Patient, Patient> identity = new TableColumn<>(messages.get("patient.col.identity"));
        identity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        identity.setCellFactory(c -> new TableCell<>() {
            private final IdentityBadge badge = new IdentityBadge(messages, IdentityBadge.Size.FULL);

            @Override
            protected void updateItem(Patient patient, boolean empty) {
                super.updateItem(patient, empty);
                if (empty || patient == null) {
                    setGraphic(null);
                } else {
                    badge.show(patient);
                    setGraphic(badge);
                }
            }
        });
        identity.setPrefWidth(190);
        identity.setMinWidth(150);
        identity.setSortable(false);
        getColumns().add(identity);
        setPlaceholder(new Label(messages.get("search.placeholder")));
    }

    private static TableColumn<Patient, String> text(String title, Function<Patient, String> value, double width) {
        TableColumn<Patient, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
