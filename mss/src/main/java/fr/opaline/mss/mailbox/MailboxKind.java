package fr.opaline.mss.mailbox;

/**
 * The three kinds of MSSanté mailbox a practice uses (DSR §3.2.3): the BAL applicative, connected
 * to Opaline (automatic sends, inbound integration; certificate authentication, red-listed in the
 * directory), the BAL organisationnelle (the secretariat's, published, reply-to of every send) and
 * a radiologist's BAL personnelle (Pro Santé Connect token).
 */
public enum MailboxKind {
    APPLICATIVE("BAL applicative"),
    ORGANISATIONNELLE("BAL organisationnelle"),
    PERSONNELLE("BAL personnelle");

    private final String label;

    MailboxKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
