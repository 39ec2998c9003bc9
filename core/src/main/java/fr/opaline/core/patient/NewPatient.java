package fr.opaline.core.patient;

/** What the front desk enters to create a patient; the IPP is assigned by Opaline. */
public record NewPatient(IdentityTraits traits, String usedName, String usedFirstName, ContactDetails contact,
                         IdentityAttributes attributes) {

    public static NewPatient of(IdentityTraits traits) {
        return new NewPatient(traits, null, null, ContactDetails.NONE, IdentityAttributes.NONE);
    }
}
