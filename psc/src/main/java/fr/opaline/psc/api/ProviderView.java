package fr.opaline.psc.api;

/** An identity provider the workstation may offer (SC.SSI/IAM.80). */
public record ProviderView(String id, String label, boolean ciba, boolean browser, boolean preferred) {
}
