package fr.opaline.core.user;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.persistence.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The account list for review and its CSV export (SC.SSI/IAM.94). The CSV is what French
 * spreadsheets open directly: UTF-8 with a byte-order mark, {@code ;} separators, RFC 4180 quoting;
 * cells that a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
public final class AccountReview {

    static final List<String> COLUMNS = List.of("identifiant", "nom", "rôle", "privilégié", "RPPS", "profession",
            "spécialité", "actif", "créé le", "mot de passe local", "changement requis", "mot de passe changé le",
            "mot de passe expire le", "échecs consécutifs", "verrouillé jusqu'au", "second facteur TOTP",
            "dernière connexion", "identités liées");

    private final Database database;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountSecurity security;

    public AccountReview(Database database, AuditTrail audit, Clock clock, AccountSecurity security) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.security = security;
    }

    public List<AccountSummary> list() {
        return database.inSnapshot(ctx -> {
            Map<UUID, Credential> credentials = new java.util.HashMap<>();
            ctx.selectFrom(fr.opaline.core.persistence.generated.Tables.USER_CREDENTIAL)
                    .fetch(CredentialRepository::toDomain).forEach(c -> credentials.put(c.userId(), c));
            Map<UUID, List<ExternalIdentity>> links = new ExternalIdentityRepository(ctx).findAll().stream()
                    .collect(Collectors.groupingBy(ExternalIdentity::userId));
            List<AccountSummary> summaries = new ArrayList<>();
            for (UserAccount user : new UserRepository(ctx).findAll()) {
                Optional<Credential> c = Optional.ofNullable(credentials.get(user.id()));
                summaries.add(new AccountSummary(user, c.isPresent(),
                        c.map(Credential::mustChangePassword).orElse(false),
                        c.map(Credential::passwordChangedAt).orElse(null),
                        c.flatMap(x -> security.policyFor(user.role()).expiresAt(x.passwordChangedAt())).orElse(null),
                        c.map(Credential::failedAttempts).orElse(0),
                        c.map(Credential::lockedUntil).filter(until -> until.isAfter(clock.instant())).orElse(null),
                        c.map(Credential::totpActive).orElse(false),
                        c.map(Credential::lastLoginAt).orElse(null),
                        links.getOrDefault(user.id(), List.of())));
            }
            return summaries;
        });
    }

    /** Writes every account as CSV and records who exported it. Returns the number of accounts. */
    public int exportCsv(Actor by, Writer out) {
        database.inTransactionRun(ctx -> AccountAdministration.requireAdministrator(ctx, by));
        List<AccountSummary> accounts = list();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        try {
            out.write('\uFEFF');
            writeRow(out, COLUMNS);
            for (AccountSummary a : accounts) {
                UserAccount u = a.user();
                writeRow(out, List.of(u.login(), u.displayName(), u.role().name(), yesNo(u.role().privileged()),
                        nullToEmpty(u.rpps()), nullToEmpty(u.professionCode()), nullToEmpty(u.specialtyCode()),
                        yesNo(u.active()), time(format, u.createdAt()), yesNo(a.localPassword()),
                        yesNo(a.mustChangePassword()), time(format, a.passwordChangedAt()),
                        time(format, a.passwordExpiresAt()), Integer.toString(a.failedAttempts()),
                        time(format, a.lockedUntil()), yesNo(a.totp()), time(format, a.lastLoginAt()),
                        a.links().stream().map(l -> l.provider() + ":" + (l.nationalId() == null ? l.subject() : l.nationalId()))
                                .collect(Collectors.joining(" "))));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEntry.of(by, AuditAction.ACCOUNTS_EXPORTED, null)
                .withDetail(accounts.size() + " comptes exportés (CSV)"));
        return accounts.size();
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String yesNo(boolean value) {
        return value ? "oui" : "non";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String time(DateTimeFormatter format, Instant at) {
        return at == null ? "" : format.format(at);
    }
}
