package fr.opaline.worklist;

import fr.opaline.core.catalogue.AeTitle;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.persistence.Database;
import fr.opaline.worklist.net.CallingAeTitles;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modalities the worklist serves: the station AE titles of the catalogue's active rooms
 * (declaring a modality is giving its room a station AE title) plus the titles configured in
 * {@code worklist.acceptedCallingAeTitles}. The rooms are read again every 30 s, and at once
 * (at most every 2 s, so that a stranger trying titles cannot load the database) when an
 * unknown title calls, so a room declared a moment ago is served without a restart.
 */
public final class KnownModalities implements CallingAeTitles {

    private static final Logger LOG = LoggerFactory.getLogger(KnownModalities.class);
    static final Duration FRESH = Duration.ofSeconds(30);
    static final Duration MIN_RELOAD = Duration.ofSeconds(2);

    private record Snapshot(Set<String> rooms, long loadedNanos) {
    }

    private final Database database;
    private final Set<String> configured;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Long.MIN_VALUE);
    private long lastAttemptNanos;
    private boolean attempted;

    public KnownModalities(Database database, Set<String> configured) {
        this.database = database;
        this.configured = Set.copyOf(configured);
    }

    @Override
    public boolean known(String callingAeTitle) {
        if (configured.contains(callingAeTitle)) {
            return true;
        }
        Snapshot current = snapshot;
        if (current.rooms().contains(callingAeTitle) && System.nanoTime() - current.loadedNanos() < FRESH.toNanos()) {
            return true;
        }
        return reload(current).rooms().contains(callingAeTitle);
    }

    /** The station AE titles of the active rooms, read now. */
    public Set<String> roomTitles() {
        return readRooms();
    }

    /** The active rooms whose station AE title is let in, read now, by code. */
    public List<Room> rooms() {
        return database.inSnapshot(ctx -> new CatalogueRepository(ctx).rooms()).stream().filter(Room::active)
                .filter(r -> AeTitle.isValid(r.stationAeTitle())).toList();
    }

    /** The titles configured besides the rooms. */
    public Set<String> configuredTitles() {
        return configured;
    }

    private synchronized Snapshot reload(Snapshot seen) {
        long now = System.nanoTime();
        if (snapshot != seen || (attempted && now - lastAttemptNanos < MIN_RELOAD.toNanos())) {
            return snapshot;
        }
        attempted = true;
        lastAttemptNanos = now;
        try {
            snapshot = new Snapshot(readRooms(), now);
        } catch (RuntimeException e) {
            LOG.error("Worklist : salles du catalogue illisibles, titres AE connus inchangés ({})", e.toString());
        }
        return snapshot;
    }

    private Set<String> readRooms() {
        Set<String> titles = rooms().stream().map(r -> AeTitle.check(r.stationAeTitle()))
                .collect(Collectors.toCollection(TreeSet::new));
        return Collections.unmodifiableSet(titles);
    }
}
