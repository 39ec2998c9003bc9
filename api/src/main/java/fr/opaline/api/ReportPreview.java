package fr.opaline.api;

/** The CR as printed (PDF/A of the documents module); base64 in JSON. */
public record ReportPreview(byte[] pdf) {
}
