package fr.opaline.ui.widgets;

/** Opens an address in the workstation's browser. Blocking: call off the FX thread. */
public final class SystemBrowser {

    private SystemBrowser() {
    }

    public static void open(String url) throws Exception {
        if (!java.awt.Desktop.isDesktopSupported()
                || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
            throw new UnsupportedOperationException("no browser on this workstation");
        }
        java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
    }
}
