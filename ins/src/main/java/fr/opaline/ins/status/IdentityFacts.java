package fr.opaline.ins.status;

import fr.opaline.core.patient.IdentityAttributes;

/**
 * What the RNIV status depends on: whether a high-trust device was checked ("IV +"), where the
 * INS came from ("INSi +" / "appli carte Vitale +", null for none), and the attributes.
 */
public record IdentityFacts(IdentityEvidence evidence, InsSource insSource, IdentityAttributes attributes) {

    public IdentityFacts {
        attributes = attributes == null ? IdentityAttributes.NONE : attributes;
    }

    public boolean highTrustChecked() {
        return evidence != null;
    }

    public IdentityFacts withEvidence(IdentityEvidence newEvidence) {
        return new IdentityFacts(newEvidence, insSource, attributes);
    }

    public IdentityFacts withInsSource(InsSource source) {
        return new IdentityFacts(evidence, source, attributes);
    }

    public IdentityFacts withAttributes(IdentityAttributes newAttributes) {
        return new IdentityFacts(evidence, insSource, newAttributes);
    }
}
