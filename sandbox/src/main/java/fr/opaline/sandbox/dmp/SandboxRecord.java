package fr.opaline.sandbox.dmp;

import fr.opaline.dmp.xds.XdsDocumentEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One patient's DMP in the sandbox: state, professionals blocked, authorisations, documents. */
final class SandboxRecord {

    /** A stored document: its current metadata, content and when it was submitted. */
    static final class Stored {
        XdsDocumentEntry entry;
        final byte[] content;
        final Instant submittedAt;
        final String submittedBy;
        int metadataUpdates;

        Stored(XdsDocumentEntry entry, byte[] content, Instant submittedAt, String submittedBy) {
            this.entry = entry;
            this.content = content;
            this.submittedAt = submittedAt;
            this.submittedBy = submittedBy;
        }
    }

    final String ins;
    boolean open = true;
    final Set<String> blockedRpps = new LinkedHashSet<>();
    /** RPPS → end of the individual authorisation. */
    final Map<String, Instant> authorizations = new LinkedHashMap<>();
    final List<Stored> documents = new ArrayList<>();

    SandboxRecord(String ins) {
        this.ins = ins;
    }

    Stored byUniqueId(String uniqueId) {
        for (Stored s : documents) {
            if (s.entry.uniqueId().equals(uniqueId)) {
                return s;
            }
        }
        return null;
    }

    Stored byEntryUuid(String entryUuid) {
        for (Stored s : documents) {
            if (s.entry.entryUuid().equals(entryUuid)) {
                return s;
            }
        }
        return null;
    }
}
