package fr.opaline.api;

/**
 * One MSSanté address found in the annuaire santé: the professional it reaches (RPPS, name,
 * profession), where they practise, and the mailbox type (PER personnelle, CAB cabinet, ORG
 * organisationnelle, APP applicative).
 */
public record DirectoryContact(String rpps, String displayName, String profession, String organisation, String town,
                               String mssAddress, String mailboxType) {
}
