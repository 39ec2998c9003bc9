package fr.opaline.ui;

import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.report.ReportService;
import fr.opaline.documents.report.ReportDataLoader;
import java.util.Objects;

/**
 * What the radiologist's and the feeding screens need, wired by {@code app}: the report service
 * with its publication listeners already registered (documents, DMP, DRIMbox, MSSanté), the
 * loader that gathers a version's data for the PDF preview, and the durable outbox. Blocking:
 * reached through {@link fr.opaline.ui.concurrent.Background} only.
 */
public record ReportingServices(ReportService reports, ReportDataLoader loader, Outbox outbox) {

    public ReportingServices {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(outbox, "outbox");
    }
}
