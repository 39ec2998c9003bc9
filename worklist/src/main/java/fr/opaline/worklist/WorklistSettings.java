package fr.opaline.worklist;

import fr.opaline.core.catalogue.AeTitle;
import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.CallingAeTitles;
import fr.opaline.worklist.net.ServerOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a practice configures for its worklist SCP ({@code worklist.*}; README, « Liste de travail DICOM
 * des modalités »), read once per process by {@link #from} and shared by the server and the CLI.
 *
 * @param aeTitle                 called AE title the modalities use
 * @param bindAddress             listening address, "0.0.0.0" for every interface
 * @param port                    TCP port
 * @param acceptedCallingAeTitles calling AE titles let in besides the station AE titles of the catalogue's rooms
 *                                (e.g. a console or a gateway that is not a room's modality)
 * @param acceptAnyCallingAeTitle every calling AE title is let in (off by default: decision record 0200)
 * @param artimTimeout            time for a modality to send its association request, or to close after release
 * @param idleTimeout             longest silence on an open association before it is aborted
 * @param maxPduLength            largest PDU Opaline receives (announced to the modality)
 * @param maxAssociations         associations served at once
 * @param maxAssociationsPerAddress connections open at once from one source address
 * @param maxResults              most worklist items one query returns
 * @param characterSet            character set of the answers to queries that state none
 * @param institutionName         Institution Name (0008,0080) given to the modalities, may be empty
 */
public record WorklistSettings(String aeTitle, String bindAddress, int port, Set<String> acceptedCallingAeTitles,
                               boolean acceptAnyCallingAeTitle, Duration artimTimeout, Duration idleTimeout,
                               int maxPduLength, int maxAssociations, int maxAssociationsPerAddress, int maxResults,
                               DicomCharset characterSet, String institutionName) {

    public static final String DEFAULT_AE_TITLE = "OPALINE";
    public static final int DEFAULT_PORT = 11112;
    /** A modality holds one association at a time; a few more leave room for a retry or a second console. */
    public static final int DEFAULT_MAX_ASSOCIATIONS_PER_ADDRESS = 8;

    public WorklistSettings {
        aeTitle = AeTitle.check(aeTitle);
        Objects.requireNonNull(bindAddress, "bindAddress");
        acceptedCallingAeTitles = Set.copyOf(acceptedCallingAeTitles.stream().map(AeTitle::check).toList());
        Objects.requireNonNull(characterSet, "characterSet");
        if (!characterSet.supported()) {
            throw new IllegalArgumentException("Jeu de caractères « " + characterSet.term() + " » non pris en charge");
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("Nombre maximal de résultats : au moins 1");
        }
        // the network bounds (port, PDU length, timeouts, association limit) are checked there
        options(aeTitle, bindAddress, port, CallingAeTitles.any(), artimTimeout, idleTimeout, maxPduLength,
                maxAssociations, maxAssociationsPerAddress, Map.of());
    }

    /**
     * Defaults: AE OPALINE on port 11112, every interface, only the rooms' modalities, 50
     * associations, 8 connections per address, ISO_IR 100.
     */
    public static WorklistSettings defaults() {
        return new WorklistSettings(DEFAULT_AE_TITLE, "0.0.0.0", DEFAULT_PORT, Set.of(), false, Duration.ofSeconds(30),
                Duration.ofSeconds(60), 16384, 50, DEFAULT_MAX_ASSOCIATIONS_PER_ADDRESS, 2000, DicomCharset.ISO_IR_100,
                "");
    }

    /** {@code worklist.enabled}: whether this process's practice server runs the worklist (one per practice). */
    public static boolean enabled(Settings settings) {
        return settings.getBoolean("worklist.enabled", true);
    }

    /**
     * The {@code worklist.*} settings of the process; a wrong value is refused in French naming the keys.
     *
     * @param institutionName Institution Name given to the modalities (the practice's name)
     */
    public static WorklistSettings from(Settings settings, String institutionName) {
        WorklistSettings defaults = defaults();
        try {
            Set<String> callers = Arrays.stream(settings.get("worklist.acceptedCallingAeTitles", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return new WorklistSettings(
                    settings.get("worklist.aeTitle", defaults.aeTitle()),
                    settings.get("worklist.bindAddress", defaults.bindAddress()),
                    settings.getInt("worklist.port", defaults.port()),
                    callers,
                    settings.getBoolean("worklist.acceptAnyCallingAeTitle", defaults.acceptAnyCallingAeTitle()),
                    settings.getDuration("worklist.artimTimeout", defaults.artimTimeout()),
                    settings.getDuration("worklist.idleTimeout", defaults.idleTimeout()),
                    settings.getInt("worklist.maxPduLength", defaults.maxPduLength()),
                    settings.getInt("worklist.maxAssociations", defaults.maxAssociations()),
                    settings.getInt("worklist.maxAssociationsPerAddress", defaults.maxAssociationsPerAddress()),
                    settings.getInt("worklist.maxResults", defaults.maxResults()),
                    charset(settings.get("worklist.characterSet", defaults.characterSet().term())),
                    institutionName == null ? "" : institutionName);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Configuration de la worklist (worklist.*) : " + e.getMessage());
        }
    }

    /** The main settings an administrator checks (no secret here), key → value, in the README's order. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("worklist.aeTitle", aeTitle);
        shown.put("worklist.port", bindAddress + ":" + port);
        shown.put("worklist.acceptedCallingAeTitles", acceptAnyCallingAeTitle ? "tous (worklist.acceptAnyCallingAeTitle)"
                : acceptedCallingAeTitles.isEmpty() ? "salles du catalogue seulement"
                : "salles du catalogue + " + String.join(", ", new TreeSet<>(acceptedCallingAeTitles)));
        shown.put("worklist.maxAssociations", maxAssociations + " (" + maxAssociationsPerAddress + " par adresse)");
        shown.put("worklist.characterSet", characterSet.term());
        return shown;
    }

    /** The same settings letting in exactly {@code callers} besides the rooms' modalities, or anyone. */
    public WorklistSettings withCallers(Set<String> callers, boolean acceptAny) {
        return new WorklistSettings(aeTitle, bindAddress, port, callers, acceptAny, artimTimeout, idleTimeout,
                maxPduLength, maxAssociations, maxAssociationsPerAddress, maxResults, characterSet, institutionName);
    }

    /** The same settings with other timeouts and association bounds. */
    public WorklistSettings withLimits(Duration artim, Duration idle, int associations, int perAddress) {
        return new WorklistSettings(aeTitle, bindAddress, port, acceptedCallingAeTitles, acceptAnyCallingAeTitle, artim,
                idle, maxPduLength, associations, perAddress, maxResults, characterSet, institutionName);
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

    ServerOptions serverOptions(CallingAeTitles callers, Map<String, List<TransferSyntax>> syntaxes) {
        return options(aeTitle, bindAddress, port, callers, artimTimeout, idleTimeout, maxPduLength, maxAssociations,
                maxAssociationsPerAddress, syntaxes);
    }

    private static ServerOptions options(String aeTitle, String bindAddress, int port, CallingAeTitles callers,
                                         Duration artim, Duration idle, int maxPdu, int maxAssociations,
                                         int perAddress, Map<String, List<TransferSyntax>> syntaxes) {
        return new ServerOptions(aeTitle, bindAddress, port, callers, artim, idle, maxPdu, maxAssociations, perAddress,
                syntaxes, "worklist");
    }
}
