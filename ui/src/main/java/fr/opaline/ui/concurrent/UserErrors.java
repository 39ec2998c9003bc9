package fr.opaline.ui.concurrent;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.ui.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure into a sentence for the user: business refusals as they are, the rest logged. */
public final class UserErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UserErrors.class);

    private UserErrors() {
    }

    public static String describe(Throwable failure, Messages messages) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof BusinessRuleException || cause instanceof NotFoundException)) {
            cause = cause.getCause();
        }
        if (cause instanceof BusinessRuleException || cause instanceof NotFoundException) {
            return cause.getMessage();
        }
        LOG.warn("Unexpected failure in the desktop client", failure);
        return messages.format("error.unexpected", String.valueOf(failure.getMessage() == null
                ? failure.getClass().getSimpleName() : failure.getMessage()));
    }
}
