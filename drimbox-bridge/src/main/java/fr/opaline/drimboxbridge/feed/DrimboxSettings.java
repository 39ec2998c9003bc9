package fr.opaline.drimboxbridge.feed;

import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.transmission.MessageRouting;

/**
 * Where and how CRs go to the DRIMbox source.
 *
 * @param endpoint   the DRIMbox source's MLLP address; null when none is configured (nothing is sent)
 * @param format     ORU (v2.5) or MDM (v2.6)
 * @param waitForDmp true when a DMP feeding worker runs: a CR fed to the DMP goes to the DRIMbox
 *                   once the DMP has acknowledged it; false sends every CR at publication
 */
public record DrimboxSettings(MllpEndpoint endpoint, Format format, MessageRouting routing, boolean waitForDmp) {

    public enum Format { ORU, MDM }
}
