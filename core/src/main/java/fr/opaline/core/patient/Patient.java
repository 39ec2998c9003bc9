package fr.opaline.core.patient;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient of the practice: local IPP, strict INS traits, used names stored apart, the INS
 * when the identity is récupérée or qualifiée, and the RNIV status and attributes.
 *
 * @param identityEvidence the high-trust identity document checked (null when none), e.g. "CNI", "PASSEPORT"
 */
public record Patient(UUID id, String ipp, String ippIssuer, IdentityTraits traits, String usedName,
                      String usedFirstName, InsNumber ins, IdentityStatus status, IdentityAttributes attributes,
                      String identityEvidence, Instant insVerifiedAt, ContactDetails contact, Instant createdAt,
                      Instant updatedAt, int rowVersion) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ipp, "ipp");
        Objects.requireNonNull(ippIssuer, "ippIssuer");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(status, "status");
        attributes = attributes == null ? IdentityAttributes.NONE : attributes;
        contact = contact == null ? ContactDetails.NONE : contact;
    }

    /** The name to call the patient by: used name when given, birth name otherwise. */
    public String displayLastName() {
        return usedName != null && !usedName.isBlank() ? usedName : traits.birthName();
    }

    public String displayFirstName() {
        return usedFirstName != null && !usedFirstName.isBlank() ? usedFirstName : traits.firstBirthFirstName();
    }

    public String displayName() {
        return displayLastName() + " " + displayFirstName();
    }

    public boolean insQualified() {
        return status == IdentityStatus.QUALIFIEE && ins != null;
    }

    public Patient withIdentity(IdentityTraits newTraits, InsNumber newIns, IdentityStatus newStatus,
                                IdentityAttributes newAttributes, String newEvidence, Instant verifiedAt) {
        return new Patient(id, ipp, ippIssuer, newTraits, usedName, usedFirstName, newIns, newStatus, newAttributes,
                newEvidence, verifiedAt, contact, createdAt, updatedAt, rowVersion);
    }

    public Patient withUsedNames(String newUsedName, String newUsedFirstName) {
        return new Patient(id, ipp, ippIssuer, traits, newUsedName, newUsedFirstName, ins, status, attributes,
                identityEvidence, insVerifiedAt, contact, createdAt, updatedAt, rowVersion);
    }

    public Patient withContact(ContactDetails newContact) {
        return new Patient(id, ipp, ippIssuer, traits, usedName, usedFirstName, ins, status, attributes,
                identityEvidence, insVerifiedAt, newContact, createdAt, updatedAt, rowVersion);
    }
}
