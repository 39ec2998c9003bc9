package fr.opaline.ui.testing;

import fr.opaline.api.AdministrationApi;
import fr.opaline.api.StatisticsApi;
import fr.opaline.api.WorklistApi;
import fr.opaline.core.catalogue.CatalogueService;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.server.EventHub;
import fr.opaline.server.admin.AdministrationEndpoint;
import fr.opaline.server.statistics.StatisticsEndpoint;
import fr.opaline.server.worklist.WorklistEndpoint;
import java.util.HashMap;
import java.util.Map;

/**
 * The worklist monitor, statistics and Administration areas of a {@link DesktopFixture}'s practice
 * server, over its database, as the app's wiring builds them over a practice's.
 */
final class ServerAreas {

    private ServerAreas() {
    }

    static Map<Class<?>, Object> of(DesktopFixture f, EventHub events) {
        Map<Class<?>, Object> areas = new HashMap<>();
        areas.put(WorklistApi.class, new WorklistEndpoint(f.db.database(),
                new ExamProgressService(f.db.database(), f.core.audit, f.core.clock), events, f.core.clock));
        areas.put(StatisticsApi.class, new StatisticsEndpoint(f.db.database(), f.core.clock));
        AccountsFixture accounts = new AccountsFixture(f.core);
        TrustedCorrespondents peers = new TrustedCorrespondents(f.db.database(), f.core.audit, f.core.ids, f.core.clock);
        areas.put(AdministrationApi.class, new AdministrationEndpoint(new AdministrationEndpoint.Services(
                accounts.administration, accounts.review, peers,
                new Mailboxes(f.db.database(), f.core.audit, f.core.ids, f.core.clock),
                new CatalogueService(f.db.database(), f.core.audit, f.core.ids),
                new fr.opaline.hl7.route.Hl7Routes(f.db.database(), peers, f.core.audit, f.core.ids, f.core.clock)),
                () -> f.serverConfiguration.get(), events,
                f.core.clock));
        return areas;
    }
}
