package fr.opaline.api;

import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.user.Role;

/** The practice's usage statistics (SC.STAT/ES.04), the management figures of its administrators and radiologists. */
@Area("statistics")
public interface StatisticsApi {

    /** Every month of the previous and the current year, for the site the practice settings describe. */
    @Access(roles = {Role.ADMINISTRATEUR, Role.RADIOLOGUE}, purpose = "consulter les statistiques d'usage")
    UsageReport report();
}
