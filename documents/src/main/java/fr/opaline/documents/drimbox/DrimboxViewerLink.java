package fr.opaline.documents.drimbox;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the images of an exam can be seen in the DRIMbox viewer, and until when
 * (SC.DB/RIS.09/11). Printed as a URL and a QR code on the CR.
 */
public record DrimboxViewerLink(String url, Instant availableFrom, Instant availableUntil) {

    public DrimboxViewerLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(availableFrom, "availableFrom");
        Objects.requireNonNull(availableUntil, "availableUntil");
    }
}
