package fr.opaline.dmp.vihf;

/** A VIHF that is missing, malformed, unsigned, badly signed or out of date. */
public class VihfException extends Exception {

    public VihfException(String message) {
        super(message);
    }

    public VihfException(String message, Throwable cause) {
        super(message, cause);
    }
}
