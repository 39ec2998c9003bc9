package fr.opaline.core.common;

/**
 * An action refused by a business rule (double booking, forbidden transition…).
 * The message is meant for the user (French) and says what to do.
 */
public class BusinessRuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BusinessRuleException(String message) {
        super(message);
    }
}
