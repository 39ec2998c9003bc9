package fr.opaline.worklist;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.persistence.Database;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseService;
import fr.opaline.worklist.mwl.ModalityWorklistFind;
import fr.opaline.worklist.mwl.WorklistDataset;
import fr.opaline.worklist.mwl.WorklistRepository;
import fr.opaline.worklist.net.DicomServer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The DICOM Modality Worklist SCP (RIS.INS/va2.02): Verification and Modality Worklist
 * Information Model – FIND, in Explicit or Implicit VR Little Endian, over core's scheduled
 * procedure steps. Runs in the practice server, or alone with {@code opaline worklist serve}.
 */
public final class WorklistScp implements ManagedService {

    /** C-FIND identifiers are small; this bounds what one request may make Opaline hold. */
    static final int MAX_IDENTIFIER_BYTES = 1 << 20;

    private static final List<TransferSyntax> SYNTAXES = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

    private final WorklistSettings settings;
    private final DicomServer server;

    public WorklistScp(WorklistSettings settings, Database database, AuditTrail audit, ZoneId zone) {
        this.settings = settings;
        ModalityWorklistFind find = new ModalityWorklistFind(new WorklistRepository(database, zone),
                new WorklistDataset(zone, settings.institutionName()), audit,
                new ModalityWorklistFind.Options(settings.characterSet(), settings.maxResults()));
        this.server = new DicomServer(
                settings.serverOptions(Map.of(Dimse.VERIFICATION, SYNTAXES, Dimse.MODALITY_WORKLIST_FIND, SYNTAXES)),
                DimseService.factory(Map.of(Dimse.MODALITY_WORKLIST_FIND, find), MAX_IDENTIFIER_BYTES));
    }

    @Override
    public String name() {
        return "worklist DICOM " + settings.aeTitle() + " (port " + settings.port() + ")";
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    @Override
    public void stop(Duration grace) {
        server.stop(grace);
    }

    /** The port listened on, once started (the configured one, or the one chosen for port 0). */
    public int port() {
        return server.port();
    }

    /** The server, for monitoring (open connections, active associations). */
    public DicomServer server() {
        return server;
    }

    public WorklistSettings settings() {
        return settings;
    }
}
