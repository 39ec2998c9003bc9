package fr.opaline.dmp.xds;

/** One error of an ebRS RegistryResponse: XDS error code, context (message) and location. */
public record RegistryError(String errorCode, String codeContext, String location) {
}
