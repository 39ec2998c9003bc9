package fr.opaline.psc.api;

/** The query parameters the browser brought back to the loopback address. */
public record BrowserCallback(String state, String code, String error, String errorDescription) {

    @Override
    public String toString() {
        return "BrowserCallback[" + (code == null ? "error " + error : "code masqué") + "]";
    }
}
