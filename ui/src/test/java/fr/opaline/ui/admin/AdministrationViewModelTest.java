package fr.opaline.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.AuthenticationException;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserRepository;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.api.admin.CertificateStatus;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administration over the real core, ins and mss services (H2): rules, refusals and audit are theirs. */
class AdministrationViewModelTest {

    private DesktopFixture f;
    private AdministrationFixture a;
    private final List<String> opened = new ArrayList<>();
    private AdministrationViewModel.Browser browser = opened::add;
    private Supplier<Actor> signedIn;

    @BeforeEach
    void practice() {
        f = new DesktopFixture();
        a = new AdministrationFixture(f);
        signedIn = () -> a.actor;
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private AdministrationViewModel model() {
        return new AdministrationViewModel(a.gateway(), Direct.background(),
                Messages.french(), () -> signedIn.get(), f.core.clock, url -> browser.open(url));
    }

    private static AccountSummary account(AdministrationViewModel model, String login) {
        return model.accounts().stream().filter(s -> s.user().login().equals(login)).findFirst().orElseThrow();
    }

    private AuditEvent lastAudit() {
        return f.core.audit.latest(1).get(0);
    }

    @Test
    void anAdministratorCreatesAnAccountChangesItsRoleDeactivatesAndReactivatesIt() {
        AdministrationViewModel model = model();
        model.refresh();
        assertThat(model.accounts()).extracting(s -> s.user().login()).containsExactly("admin", "secretariat");
        assertThat(model.refreshedAtProperty().get()).isNotNull();
        AtomicInteger done = new AtomicInteger();

        model.createAccount("  Dupont ", "Dr Claire Dupont", Role.SECRETAIRE, "", "", "Accueil-2026".toCharArray(),
                done::incrementAndGet);

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(done).hasValue(1);
        assertThat(model.infoProperty().get()).isEqualTo(
                "Compte « dupont » créé : le mot de passe provisoire saisi sera à changer à la première connexion.");
        AccountSummary dupont = account(model, "dupont");
        assertThat(dupont.user().displayName()).isEqualTo("Dr Claire Dupont");
        assertThat(dupont.localPassword()).isTrue();
        assertThat(dupont.mustChangePassword()).isTrue();
        assertThat(lastAudit().action()).isEqualTo("ACCOUNT_CREATED");
        assertThat(lastAudit().actorLogin()).as("the signed-in administrator is the actor").isEqualTo("admin");

        model.changeRole(dupont, Role.RADIOLOGUE, null);
        assertThat(account(model, "dupont").user().role()).isEqualTo(Role.RADIOLOGUE);
        assertThat(model.infoProperty().get()).isEqualTo("Rôle de « dupont » : Radiologue.");
        assertThat(lastAudit().action()).isEqualTo("ACCOUNT_ROLE_CHANGED");
        assertThat(lastAudit().detail()).isEqualTo("dupont : SECRETAIRE → RADIOLOGUE");

        model.setActive(account(model, "dupont"), false);
        assertThat(account(model, "dupont").user().active()).isFalse();
        assertThat(lastAudit().action()).isEqualTo("ACCOUNT_DISABLED");
        model.setActive(account(model, "dupont"), true);
        assertThat(account(model, "dupont").user().active()).isTrue();
        assertThat(lastAudit().action()).isEqualTo("ACCOUNT_ENABLED");
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");
    }

    @Test
    void withoutATemporaryPasswordTheAccountSignsInWithProSanteConnectOnly() {
        AdministrationViewModel model = model();
        model.createAccount("martin", "Dr Martin", Role.RADIOLOGUE, "10001234567", "10", new char[0], null);
        assertThat(model.infoProperty().get()).isEqualTo(
                "Compte « martin » créé, sans mot de passe local : connexion par Pro Santé Connect seulement.");
        AccountSummary martin = account(model, "martin");
        assertThat(martin.localPassword()).isFalse();
        assertThat(martin.user().rpps()).isEqualTo("10001234567");
        assertThat(martin.user().professionCode()).isEqualTo("10");
    }

    @Test
    void theServicesRefusalsAreShownInFrenchAndNothingChanges() {
        AdministrationViewModel model = model();
        model.refresh();
        AtomicInteger done = new AtomicInteger();

        model.createAccount("x", "Nom", Role.SECRETAIRE, null, null, null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).startsWith("Identifiant invalide");
        model.createAccount("secretariat", "Autre", Role.SECRETAIRE, null, null, null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).isEqualTo("L'identifiant « secretariat » est déjà utilisé.");
        model.createAccount("durand", "Durand", Role.RADIOLOGUE, "123", null, null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).isEqualTo("Le RPPS comporte 11 chiffres : « 123 ».");
        model.createAccount("durand", "Durand", Role.ADMINISTRATEUR, null, null, "court".toCharArray(),
                done::incrementAndGet);
        assertThat(model.errorProperty().get()).startsWith("Le mot de passe doit comporter au moins 12 caractères");
        model.createAccount("durand", "Durand", null, null, null, null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).isEqualTo("Choisissez le rôle du nouveau compte.");
        assertThat(done).as("the form is kept for correction").hasValue(0);
        assertThat(model.accounts()).hasSize(2);

        model.setActive(account(model, "admin"), false);
        assertThat(model.errorProperty().get()).isEqualTo("Il doit rester au moins un administrateur actif.");
        assertThat(account(model, "admin").user().active()).isTrue();

        // A secretary's session (a desktop whose screen was tampered with): the server refuses every change.
        f.signedIn(f.secretary);
        signedIn = () -> f.actor;
        model.changeRole(account(model, "secretariat"), Role.ADMINISTRATEUR, null);
        // Refused, then the screen's reading is refused too: each time the server says so in French.
        assertThat(model.errorProperty().get()).startsWith("Votre rôle (secrétaire) ne permet pas de");
        assertThat(new UserRepository(f.db.database().dsl()).findByLogin("secretariat").orElseThrow().role())
                .isEqualTo(Role.SECRETAIRE);
        model.addRoom("IRM1", "IRM", Modality.MR, "AE_IRM1", null, null);
        assertThat(model.errorProperty().get()).startsWith("Votre rôle (secrétaire) ne permet pas");
        model.addCorrespondent("CH", Channel.HL7, "ch", null, null);
        assertThat(model.errorProperty().get()).startsWith("Votre rôle (secrétaire) ne permet pas");
        model.setMailbox(MailboxKind.ORGANISATIONNELLE, "secretariat@cabinet.mssante.fr", null, null, null);
        assertThat(model.errorProperty().get()).startsWith("Votre rôle (secrétaire) ne permet pas");
        java.util.Optional<fr.opaline.core.catalogue.Room> irm = f.db.database().inSnapshot(
                ctx -> new fr.opaline.core.catalogue.CatalogueRepository(ctx).roomByCode("IRM1"));
        assertThat(irm).as("nothing changed").isEmpty();
        assertThat(model.rooms()).hasSize(3);
        assertThat(model.correspondents()).isEmpty();
        assertThat(model.mailboxes()).isEmpty();
    }

    @Test
    void aLockedAccountIsShownAsSuchAndUnlocked() {
        AdministrationViewModel model = model();
        model.createAccount("accueil", "Accueil", Role.SECRETAIRE, null, null, "Bienvenue-2026".toCharArray(), null);
        assertThat(model.errorProperty().get()).isEmpty();
        for (int i = 0; i < 10; i++) {
            try {
                a.authentication.login("accueil", "mauvais-mdp".toCharArray(), null);
            } catch (AuthenticationException expected) {
                // counted as a failure
            }
        }
        model.refresh();
        assertThat(AdministrationViewModel.locked(account(model, "accueil"))).isTrue();
        assertThat(AdministrationViewModel.locked(account(model, "secretariat"))).isFalse();

        model.unlock(account(model, "accueil"));

        assertThat(model.infoProperty().get()).isEqualTo("Compte « accueil » déverrouillé.");
        assertThat(AdministrationViewModel.locked(account(model, "accueil"))).isFalse();
        assertThat(lastAudit().action()).isEqualTo("ACCOUNT_UNLOCKED");
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");
    }

    @Test
    void trustedCorrespondentsAreAddedListedAndWithdrawn() {
        AdministrationViewModel model = model();
        model.addCorrespondent("CH de Melun", Channel.HL7, "CHMELUN", "CT-2026-04", null);
        assertThat(model.correspondents()).singleElement().satisfies(c -> {
            assertThat(c.identifier()).isEqualTo("chmelun");
            assertThat(c.active()).isTrue();
        });
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");
        model.addCorrespondent("Doublon", Channel.HL7, "chmelun", null, null);
        assertThat(model.errorProperty().get()).contains("existe déjà");

        TrustedCorrespondent melun = model.correspondents().get(0);
        model.setCorrespondentActive(melun, false);
        assertThat(model.correspondents().get(0).active()).isFalse();
        assertThat(model.infoProperty().get()).isEqualTo("Contrat de confiance de « CH de Melun » retiré.");
        assertThat(a.correspondents.isTrusted(Channel.HL7, "CHMELUN")).isFalse();
    }

    @Test
    void theHl7RightsOfAPeerAreSetFromTheScreenAndBadValuesChangeNothing() {
        AdministrationViewModel model = model();
        model.addCorrespondent("GAM du CH", Channel.HL7, "GAM", null, null);
        TrustedCorrespondent gam = model.correspondents().get(0);
        // Declared before its rights: no address, so nothing from it is accepted yet; merging not granted.
        assertThat(gam.allowedAddresses()).isEmpty();
        assertThat(gam.messageTypes()).contains("ADT^A08").doesNotContain("ADT^A40");

        model.updateHl7Peer(gam, "CHMELUN", "10.20.0.15, 10.20.1.0/24", "", "ADT^A28, ADT^A08, ADT^A40", true, null);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.infoProperty().get()).isEqualTo("Droits HL7 de « GAM du CH » enregistrés.");
        assertThat(model.correspondents()).singleElement().satisfies(c -> {
            assertThat(c.sendingFacility()).isEqualTo("CHMELUN");
            assertThat(c.allowedAddresses()).containsExactly("10.20.0.15", "10.20.1.0/24");
            assertThat(c.messageTypes()).containsExactly("ADT^A28", "ADT^A08", "ADT^A40");
            assertThat(c.identityTrust()).isTrue();
        });
        assertThat(lastAudit().action()).isEqualTo("TRUSTED_CORRESPONDENT_CHANGED");
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");

        model.updateHl7Peer(model.correspondents().get(0), "", "hopital.local", "", "ADT^A08", false, null);
        assertThat(model.errorProperty().get()).contains("Adresse source invalide");
        assertThat(a.correspondents.hl7Peer("GAM").orElseThrow().allowedAddresses())
                .containsExactly("10.20.0.15", "10.20.1.0/24");
    }

    @Test
    void theOutboundRoutesOfAPeerAreSetFromTheScreenAndBadValuesChangeNothing() {
        AdministrationViewModel model = model();
        model.addCorrespondent("PACS du cabinet", Channel.HL7, "PACS-APP", null, null);
        TrustedCorrespondent pacs = model.correspondents().get(0);
        assertThat(model.routes()).isEmpty();

        model.setHl7Route(pacs, "orm", "pacs.cabinet.local", "2575", false, null);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.infoProperty().get()).isEqualTo("Route orm de PACS du cabinet enregistrée : pacs.cabinet.local:2575.");
        model.setHl7Route(pacs, "adt", "10.20.0.40", "2576", true, null);
        assertThat(model.routes()).extracting(r -> r.kind() + " " + r.host() + ":" + r.port() + (r.tls() ? " TLS" : ""))
                .containsExactlyInAnyOrder("orm pacs.cabinet.local:2575", "adt 10.20.0.40:2576 TLS");
        assertThat(lastAudit().action()).isEqualTo("HL7_ROUTE_CHANGED");
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");

        // Bad values: the domain's French message, nothing changed.
        model.setHl7Route(pacs, "orm", "pacs cabinet", "2575", false, null);
        assertThat(model.errorProperty().get()).contains("Hôte invalide");
        model.setHl7Route(pacs, "orm", "pacs.cabinet.local", "70000", false, null);
        assertThat(model.errorProperty().get()).contains("Port invalide");
        model.setHl7Route(pacs, "orm", "pacs.cabinet.local", "port", false, null);
        assertThat(model.errorProperty().get()).contains("Port invalide : « port »");
        model.setHl7Route(pacs, null, "pacs.cabinet.local", "2575", false, null);
        assertThat(model.errorProperty().get()).contains("Type de route HL7 inconnu");
        assertThat(model.routes()).extracting(r -> r.kind() + " " + r.host() + ":" + r.port())
                .containsExactlyInAnyOrder("orm pacs.cabinet.local:2575", "adt 10.20.0.40:2576");

        model.removeHl7Route(model.routes().stream().filter(r -> r.kind().equals("orm")).findFirst().orElseThrow());
        assertThat(model.infoProperty().get()).isEqualTo("Route orm de PACS du cabinet supprimée.");
        assertThat(model.routes()).extracting(r -> r.kind()).containsExactly("adt");
    }

    @Test
    void roomsAndExamsAreAddedAndAuditedDuplicatesAndBadValuesRefused() {
        AdministrationViewModel model = model();
        model.refresh();
        assertThat(model.rooms()).extracting(r -> r.code()).containsExactly("CT1", "CT2", "US1");
        AtomicInteger done = new AtomicInteger();

        model.addRoom("IRM1", "IRM 1,5 T", Modality.MR, "AE_IRM1", "", done::incrementAndGet);

        assertThat(done).hasValue(1);
        assertThat(model.rooms()).extracting(r -> r.code()).containsExactly("CT1", "CT2", "IRM1", "US1");
        assertThat(model.infoProperty().get()).isEqualTo("Salle IRM1 « IRM 1,5 T » ajoutée.");
        assertThat(lastAudit().action()).isEqualTo(fr.opaline.core.audit.AuditAction.CATALOGUE_CHANGED);
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");
        assertThat(lastAudit().detail()).isEqualTo("salle ajoutée : IRM1 IRM 1,5 T (MR, AE AE_IRM1)");

        model.addRoom("CT1", "Encore", Modality.CT, "AE_X", null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).isEqualTo("Une salle « CT1 » existe déjà.");
        model.addRoom("CT9", "Trop long", Modality.CT, "AE_BEAUCOUP_TROP_LONG", null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).startsWith("Titre AE invalide");
        assertThat(done).hasValue(1);

        model.addExam("MR-GEN", "IRM du genou", Modality.MR, "30", "NZQN001", done::incrementAndGet);
        assertThat(model.exams()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("MR-GEN");
            assertThat(x.durationMinutes()).isEqualTo(30);
            assertThat(x.ccamCode()).isEqualTo("NZQN001");
        });
        model.addExam("MR-X", "IRM", Modality.MR, "trente", null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).isEqualTo("La durée de l’examen est un nombre de minutes.");
        model.addExam("MR-X", "IRM", Modality.MR, "2", null, done::incrementAndGet);
        assertThat(model.errorProperty().get()).isEqualTo("La durée d'un examen va de 5 à 480 minutes.");
        assertThat(done).hasValue(2);
    }

    @Test
    void mailboxesAreSetAndDisabledThroughTheMssRules() {
        AdministrationViewModel model = model();
        model.setMailbox(MailboxKind.ORGANISATIONNELLE, "Secretariat@Cabinet.MSSANTE.fr", null, "Secrétariat", null);
        assertThat(model.mailboxes()).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("secretariat@cabinet.mssante.fr");
            assertThat(m.active()).isTrue();
        });
        assertThat(model.infoProperty().get()).isEqualTo("BAL organisationnelle secretariat@cabinet.mssante.fr enregistrée.");

        model.setMailbox(MailboxKind.PERSONNELLE, "x@cabinet.mssante.fr", "secretariat", null, null);
        assertThat(model.errorProperty().get()).startsWith("Une BAL personnelle appartient à un radiologue");

        model.disableMailbox(model.mailboxes().get(0));
        assertThat(model.mailboxes().get(0).active()).isFalse();
        assertThat(lastAudit().action()).isEqualTo("MSS_MAILBOX_CHANGED");
        assertThat(lastAudit().actorLogin()).isEqualTo("admin");
    }

    @Test
    void certificatesShowSubjectIssuerExpiryAndDaysLeftWarnedUnder30DaysRefusedWhenExpired(@TempDir Path dir)
            throws Exception {
        a.certificate(dir, "DMP", "dmp.keystore", "valide", 0, 365);
        a.certificate(dir, "INSi", "insi.keystore", "bientot", 0, 20);
        a.certificate(dir, "BAL applicative", "mss.applicative.keystore", "perime", -400, 30);
        AdministrationViewModel model = model();

        model.refresh();

        assertThat(model.endpoints()).extracting(e -> e.key() + " " + e.state())
                .containsExactly("dmp.url actif", "insi.url désactivé");
        assertThat(model.certificates()).hasSize(3);
        CertificateStatus valid = model.certificates().get(0);
        assertThat(valid.level()).isEqualTo(CertificateStatus.Level.OK);
        assertThat(valid.subject()).isEqualTo("CN=valide,O=Cabinet test,C=FR");
        assertThat(valid.issuer()).as("self-signed").isEqualTo(valid.subject());
        assertThat(valid.daysLeft()).isBetween(363L, 365L);
        CertificateStatus soon = model.certificates().get(1);
        assertThat(soon.level()).isEqualTo(CertificateStatus.Level.WARNING);
        assertThat(soon.daysLeft()).isBetween(18L, 20L);
        assertThat(soon.note()).contains("pensez à le renouveler");
        CertificateStatus expired = model.certificates().get(2);
        assertThat(expired.level()).isEqualTo(CertificateStatus.Level.ERROR);
        assertThat(expired.daysLeft()).isNull();
        assertThat(expired.note()).contains("CN=perime").contains("a expiré le");
    }

    @Test
    void theAnsServiceStatusOpensInTheBrowserOrTheAddressIsGiven() {
        AdministrationViewModel model = model();
        model.refresh();
        model.openAnsStatus();
        assertThat(opened).containsExactly(AdministrationFixture.ANS_URL);
        assertThat(model.infoProperty().get()).contains(AdministrationFixture.ANS_URL);

        browser = url -> {
            throw new UnsupportedOperationException("no browser");
        };
        model.openAnsStatus();
        assertThat(model.errorProperty().get()).isEqualTo(
                "Impossible d’ouvrir le navigateur sur ce poste : ouvrez vous-même " + AdministrationFixture.ANS_URL);
    }
}
