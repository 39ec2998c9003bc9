package fr.opaline.dmp;

import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.dmp.authorization.DmpAuthorizations;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.sandbox.dmp.SandboxDocuments;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.pki.SandboxPki;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A migrated H2 database with core services, a sandbox DMP over mutual TLS, and the DMP services
 * wired as the practice server wires them. Close it after the test.
 */
public final class DmpTestKit implements AutoCloseable {

    public static final String RPPS = "99700000000";
    public static final String OTHER_STRUCTURE = "1750000099";

    private static final AtomicInteger NEXT_INS = new AtomicInteger();
    private static SandboxPki sharedPki;

    public final TestDatabases.TestDatabase db;
    public final CoreFixture core;
    public final SandboxConnection dmp;
    public final DmpChanges changes = new DmpChanges();
    public final ConsentGuard guard;
    public final DmpConsentService consent;
    public final DmpAuthorizations authorizations;
    public final DmpConsultationService consultation;
    public final DicaService dica;
    public final UserAccount radiologist;
    public final Actor actor;

    public DmpTestKit() throws Exception {
        this(TestDatabases.h2(), null);
    }

    /**
     * @param sandboxClock the sandbox's clock when another process talks to it (the system clock);
     *                     null for the fixture's mutable clock
     */
    public DmpTestKit(TestDatabases.TestDatabase database, java.time.Clock sandboxClock) throws Exception {
        db = database;
        core = new CoreFixture(db.database());
        dmp = new SandboxConnection(sandboxClock == null ? core.clock : sandboxClock, pki());
        guard = new ConsentGuard(db.database(), core.clock);
        consent = new DmpConsentService(db.database(), core.audit, core.ids, core.clock, core.episodes, changes);
        authorizations = new DmpAuthorizations(db.database(), dmp.client, core.audit, core.ids, core.clock);
        consultation = new DmpConsultationService(db.database(), guard, dmp.client, authorizations, core.audit, changes,
                core.ids, core.clock, SandboxConnection.STRUCTURE_ID);
        dica = new DicaService(db.database(), guard, changes, core.clock);
        radiologist = core.user("lambert", Role.RADIOLOGUE, RPPS);
        actor = Actor.user(radiologist.id(), radiologist.login());
    }

    /** One test PKI for the whole run: generating RSA keys is the slow part of a sandbox start. */
    public static synchronized SandboxPki pki() throws Exception {
        if (sharedPki == null) {
            sharedPki = DmpSandbox.pki(SandboxConnection.STRUCTURE_ID);
        }
        return sharedPki;
    }

    /** The radiologist logged in with AIR simplifié (password + TOTP). */
    public DmpUser user() {
        return new DmpUser(radiologist, AccessAuthentication.AIR_SIMPLIFIE, null);
    }

    /** A new patient whose INS (a distinct test NIR) is qualified. */
    public Patient qualifiedPatient(String birthName) {
        Patient created = core.patient(birthName, "Anne", LocalDate.of(1979, 3, 5), Sex.F);
        InsNumber ins = new InsNumber(nextNir(), InsNumber.OID_TEST_NIR);
        return db.database().inTransaction(ctx -> new PatientRepository(ctx).update(created.withIdentity(created.traits(),
                ins, IdentityStatus.QUALIFIEE, created.attributes(), "CNI", core.clock.instant()), core.clock.instant()));
    }

    /** A document fed by another structure into the patient's DMP. */
    public XdsDocumentEntry thirdPartyDocument(Patient patient, String uid, String setId, int version, String typeCode,
                                               String title, Instant created, boolean invisible) {
        byte[] cda = SandboxDocuments.cda(new SandboxDocuments.Spec(uid, setId, version, typeCode, title, title,
                "10000000001", "Paul", "MARTIN", OTHER_STRUCTURE, "Clinique du Parc", created, "Texte de " + title),
                patient.ins().matricule(), patient.ins().oid());
        return dmp.sandbox.transactions().addThirdPartyDocument(patient.ins(), cda,
                SandboxDocuments.metadata(cda, invisible, false), created);
    }

    /** 15 digits starting like a woman's test NIR; the key is not checked by the sandbox. */
    private static String nextNir() {
        return "2790351215" + String.format("%03d", NEXT_INS.incrementAndGet()) + "89";
    }

    @Override
    public void close() throws Exception {
        dmp.close();
        db.close();
    }
}
