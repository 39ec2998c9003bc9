package fr.opaline.ui;

import fr.opaline.ins.insi.InsiLookupService;

/**
 * The services the patient record reaches beyond core: the INSi récupération (whose own client
 * may be unconfigured: it then answers "non configuré"). Null when the desktop runs without them.
 */
public record RecordServices(InsiLookupService insi) {

    public static final RecordServices NONE = new RecordServices(null);

    public boolean insiAvailable() {
        return insi != null;
    }
}
