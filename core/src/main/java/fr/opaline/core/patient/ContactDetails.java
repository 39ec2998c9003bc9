package fr.opaline.core.patient;

public record ContactDetails(String phone, String email, String addressLine, String postalCode, String city) {

    public static final ContactDetails NONE = new ContactDetails(null, null, null, null, null);
}
