package fr.opaline.ins.cog;

import fr.opaline.core.common.BusinessRuleException;

/** A COG file that cannot be imported; the message names the file and the line. Nothing was imported. */
public final class CogFormatException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    public CogFormatException(String message) {
        super(message);
    }
}
