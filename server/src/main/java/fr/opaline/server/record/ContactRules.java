package fr.opaline.server.record;

import fr.opaline.core.patient.ContactDetails;
import fr.opaline.platform.http.HttpError;

/** Contact details as typed at the desk: trimmed, empty as none, bounded, plausibly formed. */
final class ContactRules {

    private ContactRules() {
    }

    static ContactDetails check(ContactDetails contact) {
        if (contact == null) {
            throw HttpError.badRequest("Coordonnées attendues.");
        }
        String phone = clean(contact.phone(), 30, "Téléphone");
        if (phone != null && !phone.matches("\\+?[0-9 .()-]{6,30}")) {
            throw HttpError.badRequest("Téléphone : chiffres, espaces, points ou tirets (par exemple 06 12 34 56 78).");
        }
        String email = clean(contact.email(), 254, "Adresse électronique");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw HttpError.badRequest("Adresse électronique invalide.");
        }
        String postalCode = clean(contact.postalCode(), 10, "Code postal");
        if (postalCode != null && !postalCode.matches("[0-9A-Za-z -]{2,10}")) {
            throw HttpError.badRequest("Code postal invalide.");
        }
        return new ContactDetails(phone, email, clean(contact.addressLine(), 200, "Adresse"), postalCode,
                clean(contact.city(), 100, "Ville"));
    }

    private static String clean(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw HttpError.badRequest(what + " : " + max + " caractères au plus.");
        }
        return text;
    }
}
