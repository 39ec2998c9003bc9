package fr.opaline.mss.transport;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived IMAP session on one mailbox (RFC 3501/9051): opened on first use, reopened
 * automatically when the server closed it (idle timeout, restart) or when the PSC token was
 * refreshed since it was opened; an operation interrupted by a lost connection is tried once more
 * on a new session.
 */
public final class ImapConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImapConnection.class);

    /** Work on the open INBOX. */
    @FunctionalInterface
    public interface InboxWork<T> {
        T on(Folder inbox) throws MessagingException;
    }

    private final MailAccess access;
    private Store store;
    private String openedWith;
    private int opened;

    public ImapConnection(MailAccess access) {
        this.access = Objects.requireNonNull(access);
    }

    /** Runs the work on INBOX (read-write), reopening the session once if it was lost. */
    public synchronized <T> T withInbox(InboxWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Folder inbox = null;
            try {
                ensureOpen();
                inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                return work.on(inbox);
            } catch (FolderClosedException | StoreClosedException e) {
                LOG.info("IMAP session of {} lost ({}), reopening", access.address(), e.getMessage());
                drop();
                if (attempt >= 2) {
                    throw MailAccess.classify("Session IMAP perdue", e);
                }
            } catch (MessagingException e) {
                drop();
                throw MailAccess.classify("Lecture de la BAL " + access.address() + " impossible", e);
            } finally {
                if (inbox != null && inbox.isOpen()) {
                    try {
                        inbox.close(true);
                    } catch (MessagingException e) {
                        drop();
                    }
                }
            }
        }
    }

    /** How many sessions were opened (the first one included). */
    public synchronized int sessionsOpened() {
        return opened;
    }

    private void ensureOpen() {
        String secret;
        try {
            secret = access.currentSecret();
        } catch (RuntimeException e) {
            // the PSC session ended: end the mail session with it
            drop();
            throw new MailTransportException("Session Pro Santé Connect terminée, session IMAP de " + access.address()
                    + " fermée : " + e.getMessage(), true, e);
        }
        if (store != null && store.isConnected() && Objects.equals(secret, openedWith)) {
            return;
        }
        if (store != null) {
            LOG.info("IMAP session of {} reopened ({})", access.address(),
                    store.isConnected() ? "jeton PSC renouvelé" : "session fermée par le serveur");
        }
        drop();
        store = access.openStore();
        openedWith = secret;
        opened++;
    }

    private void drop() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // already gone
            }
            store = null;
        }
    }

    /** Ends the session with the operator (logout), e.g. when the PSC session ends. */
    @Override
    public synchronized void close() {
        drop();
    }
}
