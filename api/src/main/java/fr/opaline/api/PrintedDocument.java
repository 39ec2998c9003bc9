package fr.opaline.api;

/**
 * A printable rendered by the server as PDF, for the desktop to print or save.
 *
 * @param fileName a suggested file name, e.g. "convocation-000123-2026-12-09.pdf"
 */
public record PrintedDocument(String fileName, byte[] pdf) {
}
