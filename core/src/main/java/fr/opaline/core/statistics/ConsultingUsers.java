package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.USER_ACCOUNT;

import fr.opaline.core.user.Role;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Users of the RIS able to consult the DMP, at the end of each month: active accounts of
 * identified professionals (RPPS) whose profession (TRE_G15, or the role when the profession was
 * not entered) is one the DMP's matrice d'habilitation lets read imaging documents — médecins
 * (radiologues, médecins nucléaires) and manipulateurs d'électroradiologie. Other professionals
 * with an RPPS are counted apart. Accounts are counted from their creation; an account
 * deactivated today is left out of every month (the account table keeps no activation history).
 */
final class ConsultingUsers implements StatisticSource {

    static final String MEDECIN = "10";
    static final String MANIPULATEUR_ERM = "98";

    private record Professional(Instant createdAt, Indicator category) {
    }

    @Override
    public void collect(DSLContext ctx, StatisticsPeriod period, Tally tally) {
        List<Professional> professionals = new ArrayList<>();
        ctx.select(USER_ACCOUNT.CREATED_AT, USER_ACCOUNT.ROLE, USER_ACCOUNT.PROFESSION_CODE).from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ACTIVE.isTrue()).and(USER_ACCOUNT.RPPS.isNotNull())
                .and(USER_ACCOUNT.CREATED_AT.lt(period.end()))
                .forEach(r -> professionals.add(new Professional(r.value1(), category(Role.valueOf(r.value2()), r.value3()))));
        for (YearMonth month : period.months()) {
            Instant end = period.endOf(month);
            for (Professional p : professionals) {
                if (p.createdAt().isBefore(end)) {
                    tally.add(month, p.category());
                    if (p.category() != Indicator.UTILISATEURS_AUTRES) {
                        tally.add(month, Indicator.UTILISATEURS_DMP);
                    }
                }
            }
        }
    }

    static Indicator category(Role role, String professionCode) {
        String profession = professionCode != null ? professionCode
                : role == Role.RADIOLOGUE ? MEDECIN : role == Role.MANIPULATEUR ? MANIPULATEUR_ERM : null;
        if (MEDECIN.equals(profession)) {
            return Indicator.UTILISATEURS_MEDECINS;
        }
        return MANIPULATEUR_ERM.equals(profession) ? Indicator.UTILISATEURS_MANIPULATEURS : Indicator.UTILISATEURS_AUTRES;
    }
}
