package fr.opaline.dmp.consent;

import fr.opaline.core.common.BusinessRuleException;

/** No DMP consultation without a traced consent (or break-glass): the reason, in French. */
public final class ConsentRequiredException extends BusinessRuleException {

    public ConsentRequiredException(String message) {
        super(message);
    }
}
