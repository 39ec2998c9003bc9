package fr.opaline.worklist.data;

/** A data set that does not follow PS3.5 encoding: wrong lengths, unknown VR, broken sequences. */
public class DicomFormatException extends Exception {

    public DicomFormatException(String message) {
        super(message);
    }
}
