package fr.opaline.worklist.net;

import java.util.Set;

/**
 * Which calling AE titles a server lets in. Asked once per association request, on the
 * association's own thread, with the title as received (spaces trimmed, possibly not a valid AE
 * title at all): an implementation must answer quickly and never throw.
 */
@FunctionalInterface
public interface CallingAeTitles {

    boolean known(String callingAeTitle);

    /** Every caller (a setting an operator turns on deliberately). */
    static CallingAeTitles any() {
        return title -> true;
    }

    /** Exactly these titles (compared as they are: AE titles are case-sensitive). */
    static CallingAeTitles only(Set<String> titles) {
        Set<String> copy = Set.copyOf(titles);
        return copy::contains;
    }
}
