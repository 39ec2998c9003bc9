package fr.opaline.ui.shell;

import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.user.Role;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.agenda.AgendaGateway;
import fr.opaline.ui.agenda.AgendaView;
import fr.opaline.ui.agenda.AgendaViewModel;
import fr.opaline.ui.booking.BookingDialog;
import fr.opaline.ui.booking.BookingViewModel;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insscan.InsModuleScanReader;
import fr.opaline.ui.insscan.InsScanReader;
import fr.opaline.ui.patient.NewPatientViewModel;
import fr.opaline.ui.patient.PatientDirectory;
import fr.opaline.ui.patient.PatientRecordViewModel;
import fr.opaline.ui.patient.PatientSearchViewModel;
import fr.opaline.ui.patient.PatientsView;
import fr.opaline.ui.report.ReportEditorView;
import fr.opaline.ui.report.ReportEditorViewModel;
import fr.opaline.ui.report.ReportGateway;
import fr.opaline.ui.report.ReportTemplates;
import fr.opaline.ui.session.UserSession;
import fr.opaline.ui.widgets.Icon;
import fr.opaline.ui.worklist.WorklistGateway;
import fr.opaline.ui.worklist.WorklistMonitorView;
import fr.opaline.ui.worklist.WorklistMonitorViewModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The signed-in desktop: navigation on the left (agenda, patients, worklist), a header with the
 * practice, the user and the lock, the screen in the middle and the status bar at the bottom.
 */
public final class MainWindow extends BorderPane {

    /** The desktop's sections. */
    public enum Section { AGENDA, PATIENTS, WORKLIST, REPORTS, QUEUE, STATS, ADMIN, INBOX }

    private final DesktopContext context;
    private final Messages messages;
    private final Background background;
    private final Supplier<Actor> actor;
    private final Supplier<fr.opaline.dmp.DmpUser> dmpUser;
    private final Clock clock;
    private final InsScanReader scanReader = new InsModuleScanReader();
    private final PatientDirectory directory;
    private final AgendaGateway agendaGateway;
    private final AgendaViewModel agenda;
    private final WorklistMonitorViewModel worklist;
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final AgendaView agendaView;
    private fr.opaline.ui.teleradiology.TeleradiologyDialog teleradiologyDialog;
    /** The practice server's change stream, null without an API. */
    private final AutoCloseable events;
    // Built on first use: the first screen shows sooner, and the booking dialog is built once.
    private PatientsView patients;
    private WorklistMonitorView worklistView;
    private BookingViewModel booking;
    private ReportEditorViewModel reports;
    private ReportEditorView reportsView;
    private BookingDialog bookingDialog;
    private final fr.opaline.ui.outbox.FeedingQueueViewModel queue;
    private fr.opaline.ui.outbox.FeedingQueueView queueView;
    private fr.opaline.ui.statistics.StatisticsViewModel statistics;
    private fr.opaline.ui.statistics.StatisticsView statisticsView;
    private fr.opaline.ui.admin.AdministrationViewModel admin;
    private fr.opaline.ui.admin.AdministrationView adminView;
    // Received documents (issue 23): the integration worklist, its badge and the arrival notice.
    private final fr.opaline.ui.inbox.InboxViewModel inbox;
    private fr.opaline.ui.inbox.InboxView inboxView;
    private final Label inboxToast = new Label();
    private java.util.concurrent.ScheduledFuture<?> inboxToastHide;

    public MainWindow(DesktopContext context, Messages messages, Background background, UserSession session,
                      Runnable lock, Runnable about) {
        this.context = context;
        this.messages = messages;
        this.background = background;
        this.clock = context.services().clock();
        this.actor = () -> {
            if (session.user() == null) {
                throw new IllegalStateException("Aucune session ouverte");
            }
            return session.user().actor();
        };
        this.dmpUser = () -> fr.opaline.ui.dmp.DmpUsers.of(session.user(), context.demoMode());
        getStyleClass().add("main-window");
        setId("main-window");
        directory = new PatientDirectory(context.services());
        agendaGateway = new AgendaGateway(context.services());

        agenda = new AgendaViewModel(agendaGateway, background, messages, actor, clock);
        agendaView = new AgendaView(agenda, messages, clock, new AgendaView.Navigator() {
            @Override
            public void book(Room room, LocalDate day, LocalTime time, Patient patient) {
                openBooking(room, day, time, patient);
            }

            @Override
            public void openRecord(Patient patient) {
                MainWindow.this.openRecord(patient);
            }

            @Override
            public boolean teleradiologyOffered() {
                return context.services().api() != null;
            }

            @Override
            public void teleradiology(Patient patient, java.util.UUID appointmentId) {
                if (teleradiologyDialog == null) {
                    teleradiologyDialog = new fr.opaline.ui.teleradiology.TeleradiologyDialog(getScene().getWindow(),
                            context.services().api(), background, messages, context.services().zone());
                }
                teleradiologyDialog.show(patient, appointmentId);
            }

            @Override
            public boolean printingOffered() {
                return context.services().api() != null;
            }

            @Override
            public void printConvocation(Patient patient, java.util.UUID appointmentId) {
                new fr.opaline.ui.print.Printouts(background, messages, agenda.infoProperty()::set,
                        agenda.errorProperty()::set).offer(getScene().getWindow(),
                        messages.format("print.convocation.title", fr.opaline.ui.patient.PatientNames.display(patient)),
                        progress -> context.services().api().api(fr.opaline.api.PrintApi.class).convocation(appointmentId));
            }
        });
        // Technologists and radiologists mark an exam en cours and réalisé from the monitor.
        worklist = new WorklistMonitorViewModel(new WorklistGateway(context.services().api()), background, messages, clock, actor,
                javafx.beans.binding.Bindings.createBooleanBinding(() -> session.user() != null
                        && (session.user().account().role() == Role.MANIPULATEUR
                        || session.user().account().role() == Role.RADIOLOGUE), session.userProperty()));
        // The report editor and the feeding queue go through the practice server's API only.
        queue = context.services().api() == null ? null : new fr.opaline.ui.outbox.FeedingQueueViewModel(
                new fr.opaline.ui.outbox.FeedingQueueGateway(context.services().api()), background, messages, actor,
                clock);

        inbox = new fr.opaline.ui.inbox.InboxViewModel(context.services().api(), background, messages);
        VBox top = new VBox();
        if (context.demoMode()) {
            Label demo = new Label(messages.get("shell.demoBanner"), Icon.WARNING.node(14));
            demo.getStyleClass().add("demo-banner");
            demo.setMaxWidth(Double.MAX_VALUE);
            demo.setId("demo-banner");
            top.getChildren().add(demo);
        }
        top.getChildren().add(header(session, lock, about));
        top.getChildren().add(inboxToast());
        setTop(top);
        setLeft(sidebar(session));
        setCenter(content);
        setBottom(new StatusBarView(messages, background, session, context.services().databaseDescription(),
                context.version()));
        agenda.start();
        show(Section.AGENDA);
        // Changes made at the other seats (bookings, arrivals…) reach this agenda without a manual refresh.
        events = context.services().api() == null ? null
                : context.services().api().events(event -> javafx.application.Platform.runLater(() -> changed(event)));
        session.userProperty().addListener((o, was, now) -> {
            if (now != null && seesInbox(now.account().role())) {
                inbox.refreshCount(null);
            }
        });
        if (session.user() != null && seesInbox(session.user().account().role())) {
            inbox.refreshCount(null);
        }
    }

    /** Front desk, radiologists and administrators handle received documents (not technologists). */
    private static boolean seesInbox(Role role) {
        return role != Role.MANIPULATEUR;
    }

    /** The non-blocking notice of new received documents: a click opens them; it goes by itself. */
    private Label inboxToast() {
        inboxToast.setId("inbox-toast");
        inboxToast.getStyleClass().add("demo-banner");
        inboxToast.setGraphic(Icon.INBOX.node(14));
        inboxToast.setMaxWidth(Double.MAX_VALUE);
        inboxToast.setVisible(false);
        inboxToast.setManaged(false);
        inboxToast.setOnMouseClicked(e -> {
            hideInboxToast();
            show(Section.INBOX);
        });
        return inboxToast;
    }

    private void hideInboxToast() {
        inboxToast.setVisible(false);
        inboxToast.setManaged(false);
    }

    /** The worklist of received documents changed on the server: badge, notice of arrivals, screen. */
    private void inboxChanged() {
        int before = inbox.countProperty().get();
        inbox.refreshCount(now -> {
            if (now > before) {
                inboxToast.setText(messages.format("inbox.toast", now));
                inboxToast.setVisible(true);
                inboxToast.setManaged(true);
                if (inboxToastHide != null) {
                    inboxToastHide.cancel(false);
                }
                inboxToastHide = background.later(java.time.Duration.ofSeconds(20), () -> background.onUi(this::hideInboxToast));
            }
        });
        if (inboxView != null) {
            inbox.refresh();
        }
    }

    /** A change made at another seat: the screens it concerns read again. */
    private void changed(fr.opaline.api.ApiEvent event) {
        String type = event.type() == null ? "" : event.type();
        if (type.startsWith("inbox.")) {
            inboxChanged();
            return;
        }
        boolean report = type.startsWith("report.") || type.startsWith("send.");
        if (report || type.startsWith("queue.")) {
            if (queue != null) {
                queue.refresh(); // a validated CR queues its sends
            }
            if (report && reports != null) {
                if (type.startsWith("report.")) {
                    reports.refreshExams();
                }
                reports.refreshSends();
            }
            return;
        }
        if (type.equals("catalogue.changed")) {
            agenda.start(); // rooms or exams changed: offered again as they now are
        } else {
            agenda.refresh();
        }
        if (type.startsWith("exam.") && worklistView != null) {
            worklist.refresh();
        }
    }

    private PatientsView patients() {
        if (patients == null) {
            PatientSearchViewModel search = new PatientSearchViewModel(directory, background, messages, actor, scanReader);
            NewPatientViewModel newPatient = new NewPatientViewModel(directory, background, messages, actor, clock)
                    .withBirthplaces(birthplaceSearch());
            PatientRecordViewModel record = new PatientRecordViewModel(directory, background, messages, actor,
                    dmpUser, clock.getZone());
            patients = new PatientsView(search, newPatient, record, messages, clock,
                    patient -> openBooking(null, LocalDate.now(clock), null, patient));
            if (context.services().api() != null) {
                patients.recordPage().offerLabels(background,
                        patient -> context.services().api().api(fr.opaline.api.PrintApi.class).labels(patient.id()));
            }
        }
        return patients;
    }

    private WorklistMonitorView worklistView() {
        if (worklistView == null) {
            worklistView = new WorklistMonitorView(worklist, messages, context.services().zone());
            worklist.start(context.worklistRefresh());
        }
        return worklistView;
    }

    private ReportEditorView reportsView() {
        if (reportsView == null) {
            reports = new ReportEditorViewModel(new ReportGateway(context.services().api()),
                    new ReportTemplates(), background, messages, actor, clock);
            reportsView = new ReportEditorView(reports, messages, context.services().zone());
            reports.start(context.worklistRefresh());
        }
        return reportsView;
    }

    private HBox header(UserSession session, Runnable lock, Runnable about) {
        Label practice = new Label(context.services().practiceName());
        practice.getStyleClass().add("header-practice");
        Label today = new Label(messages.longDate(LocalDate.now(clock)));
        today.getStyleClass().add("header-date");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label user = new Label();
        user.getStyleClass().add("header-user");
        user.setId("header-user");
        user.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> session.user() == null ? ""
                : session.user().account().displayName() + " · " + messages.label(session.user().account().role()),
                session.userProperty()));
        user.setGraphic(Icon.PATIENT.node(14));
        Button lockButton = new Button(messages.get("shell.lock"), Icon.LOCK.node(14));
        lockButton.setId("shell-lock");
        lockButton.setTooltip(new Tooltip(messages.get("shell.lock.tip")));
        lockButton.setOnAction(e -> lock.run());
        Button aboutButton = new Button();
        aboutButton.setGraphic(Icon.INFO.node(16));
        aboutButton.setId("shell-about");
        aboutButton.getStyleClass().add("icon-button");
        aboutButton.setTooltip(new Tooltip(messages.get("shell.about")));
        aboutButton.setOnAction(e -> about.run());
        Button totpButton = new Button(messages.get("shell.totp"), Icon.LOCK.node(14));
        totpButton.setId("shell-totp");
        totpButton.setTooltip(new Tooltip(messages.get("shell.totp.tip")));
        javafx.beans.property.BooleanProperty enrolled = new javafx.beans.property.SimpleBooleanProperty(false);
        session.userProperty().addListener((o, was, now) -> enrolled.set(false));
        totpButton.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !enrolled.get()
                && session.user() != null && session.user().method() == fr.opaline.ui.session.SignInMethod.PASSWORD
                && context.authentication().offersTotpEnrolment(), session.userProperty(), enrolled));
        totpButton.managedProperty().bind(totpButton.visibleProperty());
        totpButton.setOnAction(e -> fr.opaline.ui.session.TotpEnrolmentDialog.open(totpButton.getScene().getWindow(),
                context.authentication(), background, messages, () -> enrolled.set(true)));
        HBox header = new HBox(14, practice, today, spacer, user, totpButton, lockButton, aboutButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    private VBox sidebar(UserSession session) {
        Label brand = new Label("Opaline");
        brand.getStyleClass().add("sidebar-brand");
        Label tagline = new Label(messages.get("shell.tagline"));
        tagline.getStyleClass().add("sidebar-tagline");
        tagline.setWrapText(true);
        VBox sidebar = new VBox(4, brand, tagline, spacer(18),
                navButton(Section.AGENDA, Icon.AGENDA, messages.get("nav.agenda"), "nav-agenda"),
                navButton(Section.PATIENTS, Icon.PATIENT, messages.get("nav.patients"), "nav-patients"),
                navButton(Section.WORKLIST, Icon.WORKLIST, messages.get("nav.worklist"), "nav-worklist"));
        // The report editor: radiologists, and secretaries who type dictated drafts (the server decides the rest).
        sidebar.getChildren().add(roleButton(session, Section.REPORTS, Icon.FOLDER, "nav.reports", "nav-reports",
                context.services().api() != null, role -> role == Role.RADIOLOGUE || role == Role.SECRETAIRE));
        // The feeding queue: front desk, radiologists and administrators follow the sends (not technologists).
        sidebar.getChildren().add(roleButton(session, Section.QUEUE, Icon.PROVENANCE_PFI, "nav.queue", "nav-queue",
                queue != null, role -> role != Role.MANIPULATEUR));
        // The statistics are the practice's management figures.
        // Received documents waiting for a patient, with the badge of how many wait.
        ToggleButton inboxButton = roleButton(session, Section.INBOX, Icon.INBOX, "nav.inbox", "nav-inbox",
                context.services().api() != null, MainWindow::seesInbox);
        Label badge = new Label();
        badge.setId("nav-inbox-badge");
        badge.getStyleClass().add("nav-badge");
        badge.setStyle("-fx-background-color: #c62828; -fx-text-fill: white; -fx-background-radius: 8; "
                + "-fx-padding: 0 5 0 5; -fx-font-size: 10px;");
        badge.textProperty().bind(inbox.countProperty().asString());
        badge.visibleProperty().bind(inbox.countProperty().greaterThan(0));
        inboxButton.setGraphic(new HBox(6, Icon.INBOX.node(18), badge));
        ((HBox) inboxButton.getGraphic()).setAlignment(Pos.CENTER_LEFT);
        inboxButton.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        sidebar.getChildren().add(inboxButton);
        sidebar.getChildren().add(roleButton(session, Section.STATS, Icon.CHART, "nav.stats", "nav-stats",
                context.services().api() != null,
                role -> role == Role.ADMINISTRATEUR || role == Role.RADIOLOGUE));
        sidebar.getChildren().add(roleButton(session, Section.ADMIN, Icon.SETTINGS, "nav.admin", "nav-admin",
                context.services().api() != null, role -> role == Role.ADMINISTRATEUR));
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPrefWidth(186);
        sidebar.setMinWidth(186);
        navigation.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        return sidebar;
    }

    /**
     * A section offered only when the desktop was given its services ({@code available}) and to the
     * roles {@code sees} accepts, following the signed-in user.
     */
    private ToggleButton roleButton(UserSession session, Section section, Icon icon, String textKey, String id,
                                    boolean available, java.util.function.Predicate<Role> sees) {
        ToggleButton button = navButton(section, icon, messages.get(textKey), id);
        button.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> available
                && session.user() != null && sees.test(session.user().account().role()), session.userProperty()));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    private fr.opaline.ui.statistics.StatisticsView statisticsView() {
        if (statisticsView == null) {
            statistics = new fr.opaline.ui.statistics.StatisticsViewModel(
                    new fr.opaline.ui.statistics.StatisticsGateway(context.services().api()), background, messages);
            statisticsView = new fr.opaline.ui.statistics.StatisticsView(statistics, messages);
        }
        return statisticsView;
    }

    private fr.opaline.ui.admin.AdministrationView adminView() {
        if (adminView == null) {
            admin = new fr.opaline.ui.admin.AdministrationViewModel(new fr.opaline.ui.admin.AdministrationGateway(
                    context.services().api()), background, messages, actor, clock,
                    MainWindow::browse);
            adminView = new fr.opaline.ui.admin.AdministrationView(admin, messages, context.services().zone());
        }
        return adminView;
    }

    /** Opens an address in the system's browser (called off the FX thread). */
    private static void browse(String url) throws Exception {
        fr.opaline.ui.widgets.SystemBrowser.open(url);
    }

    private fr.opaline.ui.inbox.InboxView inboxView() {
        if (inboxView == null) {
            inboxView = new fr.opaline.ui.inbox.InboxView(inbox, messages, context.services().zone());
        }
        return inboxView;
    }

    /** The received documents' screen, built on first use. */
    public fr.opaline.ui.inbox.InboxView inboxScreen() {
        return inboxView();
    }

    /** The received documents' model (badge, worklist). */
    public fr.opaline.ui.inbox.InboxViewModel inbox() {
        return inbox;
    }

    private fr.opaline.ui.outbox.FeedingQueueView queueView() {
        if (queueView == null) {
            queueView = new fr.opaline.ui.outbox.FeedingQueueView(queue, messages, context.services().zone());
            queue.start(context.worklistRefresh());
        }
        return queueView;
    }

    private static Region spacer(double height) {
        Region region = new Region();
        region.setMinHeight(height);
        return region;
    }

    private ToggleButton navButton(Section section, Icon icon, String text, String id) {
        ToggleButton button = new ToggleButton(text, icon.node(18));
        button.setToggleGroup(navigation);
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setGraphicTextGap(10);
        button.setId(id);
        button.setUserData(section);
        button.setOnAction(e -> show(section));
        return button;
    }

    public void show(Section section) {
        Node screen = switch (section) {
            case AGENDA -> agendaView;
            case PATIENTS -> patients();
            case WORKLIST -> worklistView();
            case REPORTS -> reportsView();
            case QUEUE -> queueView();
            case STATS -> statisticsView();
            case ADMIN -> adminView();
            case INBOX -> inboxView();
        };
        content.getChildren().setAll(screen);
        navigation.getToggles().stream().filter(t -> t.getUserData() == section).findFirst()
                .ifPresent(t -> t.setSelected(true));
        if (section == Section.PATIENTS) {
            patients.focusSearch();
        } else if (section == Section.WORKLIST) {
            worklist.refresh();
        } else if (section == Section.REPORTS) {
            reports.refreshExams();
        } else if (section == Section.QUEUE) {
            queue.refresh();
        } else if (section == Section.STATS) {
            statistics.refresh();
        } else if (section == Section.ADMIN) {
            admin.refresh();
        } else if (section == Section.INBOX) {
            hideInboxToast();
            inbox.refresh();
        }
    }

    /** Opens a record from the agenda; "back" returns there. */
    public void openRecord(Patient patient) {
        patients().open(patient, messages.get("record.backToAgenda"), () -> show(Section.AGENDA));
        show(Section.PATIENTS);
    }

    private void openBooking(Room room, LocalDate day, LocalTime time, Patient patient) {
        if (bookingDialog == null) {
            PatientSearchViewModel search = new PatientSearchViewModel(directory, background, messages, actor, scanReader);
            NewPatientViewModel newPatient = new NewPatientViewModel(directory, background, messages, actor, clock)
                    .withBirthplaces(birthplaceSearch());
            booking = new BookingViewModel(agendaGateway, background, messages, actor, context.services().zone(), search,
                    newPatient);
            bookingDialog = new BookingDialog(getScene().getWindow(), booking, messages);
        }
        booking.prepare(agenda.catalogueProperty().get(), room, day, time, patient);
        bookingDialog.show(done -> {
            agenda.showBooked(booking.roomProperty().get(), booking.dateProperty().get(), booking.bookedMessage(done));
            if (patients != null) {
                patients.record().reload();
            }
            worklist.refresh();
        });
    }

    /** Stops periodic work (the worklist refresh). */
    public void close() {
        if (events != null) {
            try {
                events.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(MainWindow.class).debug("event stream: {}", e.toString());
            }
        }
        worklist.stop();
        if (reports != null) {
            reports.stop();
        }
        if (queue != null) {
            queue.stop();
        }
    }

    public AgendaViewModel agenda() {
        return agenda;
    }

    /** The report editor's model, once the section was opened. */
    public ReportEditorViewModel reports() {
        return reports;
    }

    public WorklistMonitorViewModel worklist() {
        return worklist;
    }

    /** The statistics screen's model, once the section was opened. */
    public fr.opaline.ui.statistics.StatisticsViewModel statistics() {
        return statistics;
    }

    /** The administration's model, once the section was opened. */
    public fr.opaline.ui.admin.AdministrationViewModel admin() {
        return admin;
    }

    /** The feeding queue's model; null when the desktop runs without the outbox. */
    public fr.opaline.ui.outbox.FeedingQueueViewModel queue() {
        return queue;
    }

    /** Birthplaces by name on the practice server, when this desktop goes through its API. */
    private fr.opaline.ui.patient.BirthplacePicker.Search birthplaceSearch() {
        fr.opaline.api.client.ApiClient api = context.services().api();
        return api == null ? null : (name, born) -> api.api(fr.opaline.api.CommuneApi.class).search(name, born);
    }
}
