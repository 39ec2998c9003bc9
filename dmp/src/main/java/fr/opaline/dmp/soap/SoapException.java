package fr.opaline.dmp.soap;

/** A message that is not the SOAP the DMP speaks (malformed, wrong envelope, bad multipart). */
public class SoapException extends Exception {

    public SoapException(String message) {
        super(message);
    }

    public SoapException(String message, Throwable cause) {
        super(message, cause);
    }
}
