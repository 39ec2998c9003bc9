package fr.opaline.worklist;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.LogSafe;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.persistence.Database;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseService;
import fr.opaline.worklist.mwl.ModalityWorklistFind;
import fr.opaline.worklist.mwl.WorklistDataset;
import fr.opaline.worklist.mwl.WorklistRepository;
import fr.opaline.worklist.net.CallingAeTitles;
import fr.opaline.worklist.net.DicomServer;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Throttle;
import java.net.InetSocketAddress;
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

    /** Audit action of an association request refused (unknown calling AE title, wrong called AE title…). */
    public static final String AUDIT_REFUSED = "DICOM_ASSOCIATION_REFUSED";

    private final WorklistSettings settings;
    private final KnownModalities modalities;
    private final AuditTrail audit;
    private final DicomServer server;
    /** One audit entry per source address and calling AE title and minute: a flood does not flood the trail. */
    private final Throttle refusals = new Throttle(Duration.ofMinutes(1), 10_000);

    public WorklistScp(WorklistSettings settings, Database database, AuditTrail audit, ZoneId zone) {
        this.settings = settings;
        this.audit = audit;
        this.modalities = new KnownModalities(database, settings.acceptedCallingAeTitles());
        ModalityWorklistFind find = new ModalityWorklistFind(new WorklistRepository(database, zone),
                new WorklistDataset(zone, settings.institutionName()), audit,
                new ModalityWorklistFind.Options(settings.characterSet(), settings.maxResults()));
        CallingAeTitles callers = settings.acceptAnyCallingAeTitle() ? CallingAeTitles.any() : modalities;
        this.server = new DicomServer(
                settings.serverOptions(callers,
                        Map.of(Dimse.VERIFICATION, SYNTAXES, Dimse.MODALITY_WORKLIST_FIND, SYNTAXES)),
                DimseService.factory(Map.of(Dimse.MODALITY_WORKLIST_FIND, find), MAX_IDENTIFIER_BYTES),
                this::audit);
    }

    private void audit(InetSocketAddress peer, String calling, String called, AssociateReject reject) {
        String address = peer == null ? "?" : peer.getAddress().getHostAddress();
        int held = refusals.pass(address + " " + calling);
        if (held < 0) {
            return;
        }
        String why = reject.reason() == AssociateReject.USER_CALLING_AE_NOT_RECOGNIZED
                ? "titre AE appelant non reconnu" : "motif " + reject.source() + "/" + reject.reason();
        audit.record(AuditEntry.of(Actor.system("worklist"), AUDIT_REFUSED, null).on("dicom_ae", LogSafe.text(calling))
                .withDetail("Association DICOM refusée (" + why + ") : « " + LogSafe.text(calling) + " » depuis "
                        + address + " vers « " + LogSafe.text(called) + " »"
                        + (held > 0 ? " ; " + held + " autre(s) refus semblable(s) dans la minute précédente" : "")));
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

    /** The modalities let in (rooms of the catalogue and configured titles), unless any caller is. */
    public KnownModalities modalities() {
        return modalities;
    }
}
