package fr.opaline.mss.directory;

/**
 * One MSSanté address found in the directory: the professional (or structure) it reaches, where
 * they practise, and the mailbox type (PER personnelle, ORG organisationnelle, APP applicative, CAB).
 */
public record DirectoryEntry(String rpps, String displayName, String family, String given, String profession,
                             String organisation, String town, String postalCode, String mssAddress, String mailboxType) {
}
