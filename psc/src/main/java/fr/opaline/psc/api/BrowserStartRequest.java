package fr.opaline.psc.api;

/** Start a browser login; {@code redirectUri} is the workstation's loopback listener. */
public record BrowserStartRequest(String provider, String redirectUri, String loginHint) {
}
