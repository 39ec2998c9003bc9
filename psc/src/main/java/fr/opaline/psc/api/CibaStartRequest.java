package fr.opaline.psc.api;

/** Start a CIBA login for a national identifier (e.g. 899700000000), with the given provider or the default. */
public record CibaStartRequest(String provider, String nationalId) {
}
