package fr.opaline.ui.inbox;

import fr.opaline.api.InboxApi;
import fr.opaline.api.PatientApi;
import fr.opaline.api.ReceivedDocument;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.CoalescingRefresh;
import fr.opaline.ui.concurrent.ScreenStatus;
import fr.opaline.ui.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Documents reçus": the documents received by MSSanté (or imported) that match no patient, through
 * the practice server's {@link InboxApi}. The user picks one, searches its patient (the search is
 * pre-filled with the identity the CDA gives) and attaches it, or rejects it with a reason (the
 * sender gets a negative MDN); an IHE_XDM.zip is imported from a file. The waiting count feeds
 * the sidebar's badge.
 */
public final class InboxViewModel {

    private final ApiClient client;
    private final Background background;
    private final Messages messages;
    private final ScreenStatus status;
    private final CoalescingRefresh<List<ReceivedDocument>> reads;
    private final ObservableList<ReceivedDocument> waiting = FXCollections.observableArrayList();
    private final ObservableList<Patient> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<ReceivedDocument> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final IntegerProperty count = new SimpleIntegerProperty();

    public InboxViewModel(ApiClient client, Background background, Messages messages) {
        this.client = Objects.requireNonNull(client, "client");
        this.background = background;
        this.messages = messages;
        this.status = new ScreenStatus(background, messages);
        this.reads = new CoalescingRefresh<>(background, messages.get("inbox.task.read"),
                () -> progress -> inbox().waiting(), this::show, status::readFailed);
        selected.addListener((o, was, now) -> {
            candidates.clear();
            patient.set(null);
            reason.set("");
            if (now != null) {
                search.set(now.usedName() != null && !now.usedName().isBlank() ? now.usedName()
                        : now.birthName() == null ? "" : now.birthName());
                searchPatients();
            }
        });
    }

    private InboxApi inbox() {
        return client.api(InboxApi.class);
    }

    public ObservableList<ReceivedDocument> waiting() {
        return waiting;
    }

    public ObservableList<Patient> candidates() {
        return candidates;
    }

    public ObjectProperty<ReceivedDocument> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Patient> patientProperty() {
        return patient;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Documents waiting (the badge). */
    public IntegerProperty countProperty() {
        return count;
    }

    public ScreenStatus status() {
        return status;
    }

    /** Reads the worklist again (the screen shown, a change heard from the server). */
    public void refresh() {
        reads.request();
    }

    /** Reads the waiting count only (the badge), quietly: a server without the area shows no badge. */
    public void refreshCount(java.util.function.IntConsumer then) {
        background.run(messages.get("inbox.task.count"), p -> inbox().count(), n -> {
            count.set(n);
            if (then != null) {
                then.accept(n);
            }
        }, failure -> count.set(0));
    }

    private void show(List<ReceivedDocument> read) {
        status.readSucceeded();
        ReceivedDocument was = selected.get();
        waiting.setAll(read);
        count.set(read.size());
        selected.set(was == null ? null : read.stream().filter(d -> d.id().equals(was.id())).findFirst().orElse(null));
    }

    /** Patients by the typed name (prefix of the birth or used name). */
    public void searchPatients() {
        String name = search.get() == null ? "" : search.get().strip();
        if (name.isEmpty()) {
            candidates.clear();
            return;
        }
        ReceivedDocument about = selected.get();
        background.run(messages.get("inbox.task.search"), p -> client.api(PatientApi.class).search(
                new PatientQuery(name, null, null, null, null, 30)), found -> {
            if (about == selected.get()) {
                candidates.setAll(found);
            }
        }, status::readFailed);
    }

    /** Integrates the selected document in the chosen patient's record. */
    public void attach() {
        ReceivedDocument document = selected.get();
        Patient chosen = patient.get();
        if (document == null) {
            status.refuse(messages.get("inbox.chooseDocument"));
            return;
        }
        if (chosen == null) {
            status.refuse(messages.get("inbox.choosePatient"));
            return;
        }
        status.act(messages.get("inbox.task.attach"), p -> inbox().attach(document.id(), chosen.id()),
                done -> "INTEGRE".equals(done.status())
                        ? messages.format("inbox.attached", title(done), fr.opaline.ui.patient.PatientNames.display(chosen))
                        : messages.format("inbox.notIntegrated", title(done), String.valueOf(done.detail())),
                () -> selected.set(null), this::refresh);
    }

    /** Rejects the selected document with the reason typed (given to its sender). */
    public void reject() {
        ReceivedDocument document = selected.get();
        if (document == null) {
            status.refuse(messages.get("inbox.chooseDocument"));
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            status.refuse(messages.get("inbox.reasonRequired"));
            return;
        }
        status.act(messages.get("inbox.task.reject"), p -> inbox().reject(document.id(), why),
                done -> messages.format("MSSANTE".equals(document.source())
                        ? "inbox.rejectedMdn" : "inbox.rejected", title(done)), () -> selected.set(null), this::refresh);
    }

    /** Imports an IHE_XDM.zip chosen on this workstation; a refused archive changes nothing. */
    public void importXdm(Path file) {
        if (file == null) {
            return;
        }
        status.act(messages.get("inbox.task.import"), p -> {
            if (Files.size(file) > 700 * 1024) {
                throw new fr.opaline.core.common.BusinessRuleException(messages.format("inbox.importTooLarge",
                        Files.size(file) / 1024));
            }
            return inbox().importXdm(file.getFileName().toString(), Files.readAllBytes(file));
        }, imported -> messages.format("inbox.imported", imported.size(),
                imported.stream().filter(d -> "A_TRAITER".equals(d.status())).count(),
                imported.stream().filter(d -> "INTEGRE".equals(d.status())).count()), null, this::refresh);
    }

    static String title(ReceivedDocument d) {
        return d.title() == null || d.title().isBlank() ? "Document" : d.title();
    }
}
