package fr.opaline.psc.api;

/** Error body of the proxy e-santé: a code for programs, a French message for people. */
public record ApiError(String error, String message) {
}
