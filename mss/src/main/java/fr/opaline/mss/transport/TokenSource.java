package fr.opaline.mss.transport;

/**
 * The Pro Santé Connect access token of a professional, for XOAUTH2. {@link #renewed()} is asked
 * when the operator refused the current one (expired or revoked): the token is refreshed at PSC
 * and the session with the operator reopened once with it.
 */
public interface TokenSource {

    String token();

    default String renewed() {
        return token();
    }
}
