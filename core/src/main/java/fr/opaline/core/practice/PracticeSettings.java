package fr.opaline.core.practice;

import static fr.opaline.core.persistence.generated.Tables.PRACTICE_SETTING;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.uid.UidRoot;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Practice-wide settings kept in the database, so that every workstation and the server read
 * the same values. The UID root is generated once (under 2.25) when none was configured.
 */
public final class PracticeSettings {

    public static final String NAME = "practice.name";
    public static final String FINESS = "practice.finess";
    public static final String SIRET = "practice.siret";
    public static final String RPPS_RANG = "practice.rppsRang";
    public static final String UID_ROOT = "practice.uidRoot";
    public static final String IPP_ISSUER_OID = "practice.ippIssuerOid";
    public static final String IPP_NAMESPACE = "practice.ippNamespace";
    public static final String ADDRESS = "practice.address";
    public static final String POSTAL_CODE = "practice.postalCode";
    public static final String CITY = "practice.city";
    public static final String PHONE = "practice.phone";

    private final Database database;

    public PracticeSettings(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.dsl().select(PRACTICE_SETTING.SETTING_VALUE).from(PRACTICE_SETTING)
                .where(PRACTICE_SETTING.SETTING_KEY.eq(key)).fetchOptional(PRACTICE_SETTING.SETTING_VALUE);
    }

    public Map<String, String> all() {
        return database.dsl().selectFrom(PRACTICE_SETTING).fetch().stream()
                .collect(Collectors.toMap(r -> r.getSettingKey(), r -> r.getSettingValue()));
    }

    public void put(String key, String value) {
        database.inTransactionRun(ctx -> put(ctx, key, value));
    }

    public static void put(DSLContext ctx, String key, String value) {
        int updated = ctx.update(PRACTICE_SETTING).set(PRACTICE_SETTING.SETTING_VALUE, value)
                .where(PRACTICE_SETTING.SETTING_KEY.eq(key)).execute();
        if (updated == 0) {
            ctx.insertInto(PRACTICE_SETTING).set(PRACTICE_SETTING.SETTING_KEY, key)
                    .set(PRACTICE_SETTING.SETTING_VALUE, value).execute();
        }
    }

    /** The practice profile; missing values get working defaults that setup can replace. */
    public PracticeProfile profile() {
        Map<String, String> values = all();
        String root = values.get(UID_ROOT);
        if (root == null) {
            // First start: generate a root once; a concurrent first start keeps whichever won.
            String generated = UidRoot.fromUuid(UUID.randomUUID()).value();
            root = database.inTransaction(ctx -> {
                ctx.insertInto(PRACTICE_SETTING).set(PRACTICE_SETTING.SETTING_KEY, UID_ROOT)
                        .set(PRACTICE_SETTING.SETTING_VALUE, generated).onConflictDoNothing().execute();
                return ctx.select(PRACTICE_SETTING.SETTING_VALUE).from(PRACTICE_SETTING)
                        .where(PRACTICE_SETTING.SETTING_KEY.eq(UID_ROOT)).fetchSingle(PRACTICE_SETTING.SETTING_VALUE);
            });
        }
        UidRoot uidRoot = new UidRoot(root);
        return new PracticeProfile(
                values.getOrDefault(NAME, "Cabinet d'imagerie"),
                values.get(FINESS),
                values.get(SIRET),
                values.get(RPPS_RANG),
                uidRoot,
                values.getOrDefault(IPP_ISSUER_OID, uidRoot.value() + ".9"),
                values.getOrDefault(IPP_NAMESPACE, "OPALINE"),
                values.get(ADDRESS),
                values.get(POSTAL_CODE),
                values.get(CITY),
                values.get(PHONE));
    }
}
