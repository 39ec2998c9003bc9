package fr.opaline.worklist;

import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.AeTitles;
import fr.opaline.worklist.net.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a practice configures for its worklist SCP (README, "Worklist DICOM").
 *
 * @param aeTitle                 called AE title the modalities use
 * @param bindAddress             listening address, "0.0.0.0" for every interface
 * @param port                    TCP port
 * @param acceptedCallingAeTitles modalities allowed to query; empty: any
 * @param artimTimeout            time for a modality to send its association request, or to close after release
 * @param idleTimeout             longest silence on an open association before it is aborted
 * @param maxPduLength            largest PDU Opaline receives (announced to the modality)
 * @param maxAssociations         associations served at once
 * @param maxResults              most worklist items one query returns
 * @param characterSet            character set of the answers to queries that state none
 * @param institutionName         Institution Name (0008,0080) given to the modalities, may be empty
 */
public record WorklistSettings(String aeTitle, String bindAddress, int port, Set<String> acceptedCallingAeTitles,
                               Duration artimTimeout, Duration idleTimeout, int maxPduLength, int maxAssociations,
                               int maxResults, DicomCharset characterSet, String institutionName) {

    public static final String DEFAULT_AE_TITLE = "OPALINE";
    public static final int DEFAULT_PORT = 11112;

    public WorklistSettings {
        aeTitle = AeTitles.check(aeTitle);
        Objects.requireNonNull(bindAddress, "bindAddress");
        acceptedCallingAeTitles = Set.copyOf(acceptedCallingAeTitles.stream().map(AeTitles::check).toList());
        Objects.requireNonNull(characterSet, "characterSet");
        if (!characterSet.supported()) {
            throw new IllegalArgumentException("Jeu de caractères « " + characterSet.term() + " » non pris en charge");
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("Nombre maximal de résultats : au moins 1");
        }
        // the network bounds (port, PDU length, timeouts, association limit) are checked there
        options(aeTitle, bindAddress, port, acceptedCallingAeTitles, artimTimeout, idleTimeout, maxPduLength,
                maxAssociations, Map.of());
    }

    /** Defaults: AE OPALINE on port 11112, every interface, any modality, ISO_IR 100. */
    public static WorklistSettings defaults() {
        return new WorklistSettings(DEFAULT_AE_TITLE, "0.0.0.0", DEFAULT_PORT, Set.of(), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 16384, 50, 2000, DicomCharset.ISO_IR_100, "");
    }

    /** A defined term of (0008,0005) for {@code characterSet}: ISO_IR 100, ISO_IR 192 or ISO_IR 6 (ASCII). */
    public static DicomCharset charset(String term) {
        DicomCharset charset = DicomCharset.of(term);
        if (!charset.supported()) {
            throw new IllegalArgumentException("Jeu de caractères « " + term
                    + " » non pris en charge (ISO_IR 100, ISO_IR 192 ou ISO_IR 6)");
        }
        return charset;
    }

    ServerOptions serverOptions(Map<String, List<TransferSyntax>> syntaxes) {
        return options(aeTitle, bindAddress, port, acceptedCallingAeTitles, artimTimeout, idleTimeout, maxPduLength,
                maxAssociations, syntaxes);
    }

    private static ServerOptions options(String aeTitle, String bindAddress, int port, Set<String> callers,
                                         Duration artim, Duration idle, int maxPdu, int maxAssociations,
                                         Map<String, List<TransferSyntax>> syntaxes) {
        return new ServerOptions(aeTitle, bindAddress, port, callers, artim, idle, maxPdu, maxAssociations, syntaxes,
                "worklist");
    }
}
