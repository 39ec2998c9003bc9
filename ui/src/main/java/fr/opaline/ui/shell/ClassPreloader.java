package fr.opaline.ui.shell;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the classes of the signed-in desktop (its screens, the JavaFX skins they use) on a
 * worker thread while the sign-in screen waits for the user, so that opening the desktop does
 * not spend its first second loading classes on the FX thread. Only loads and initialises
 * classes: no node is built off the FX thread.
 */
final class ClassPreloader {

    private static final Logger LOG = LoggerFactory.getLogger(ClassPreloader.class);

    static final List<String> CLASSES = List.of(
            "fr.opaline.ui.shell.MainWindow", "fr.opaline.ui.shell.StatusBarView",
            "fr.opaline.ui.agenda.AgendaView", "fr.opaline.ui.agenda.AgendaGrid", "fr.opaline.ui.agenda.AgendaViewModel",
            "fr.opaline.ui.agenda.AgendaItem", "fr.opaline.ui.patient.PatientsView", "fr.opaline.ui.patient.PatientRecordView",
            "fr.opaline.ui.patient.PatientSearchPane", "fr.opaline.ui.patient.PatientTable",
            "fr.opaline.ui.patient.NewPatientForm", "fr.opaline.ui.booking.BookingDialog",
            "fr.opaline.ui.worklist.WorklistMonitorView", "fr.opaline.ui.widgets.IdentityBadge",
            "fr.opaline.core.scheduling.AgendaQuery", "fr.opaline.core.order.StepQuery",
            "javafx.scene.control.skin.TableViewSkin", "javafx.scene.control.skin.TableRowSkin",
            "javafx.scene.control.skin.TableCellSkin", "javafx.scene.control.skin.TableHeaderRow",
            "javafx.scene.control.skin.ListViewSkin", "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.DatePickerSkin", "javafx.scene.control.skin.ComboBoxListViewSkin",
            "javafx.scene.control.skin.TabPaneSkin", "javafx.scene.control.skin.ScrollPaneSkin",
            "javafx.scene.control.skin.TextAreaSkin", "javafx.scene.control.skin.ToggleButtonSkin",
            "javafx.scene.control.skin.CheckBoxSkin", "javafx.scene.control.skin.RadioButtonSkin",
            "javafx.scene.control.skin.ProgressIndicatorSkin", "javafx.scene.control.skin.ProgressBarSkin",
            "javafx.scene.control.skin.SeparatorSkin", "javafx.scene.control.skin.VirtualFlow",
            "org.controlsfx.control.SegmentedButton", "org.controlsfx.control.StatusBar",
            "impl.org.controlsfx.skin.SegmentedButtonSkin", "impl.org.controlsfx.skin.StatusBarSkin");

    private ClassPreloader() {
    }

    static void preload() {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("Not preloaded: {} ({})", name, e.toString());
            }
        }
    }
}
