package fr.opaline.mss.outbound;

import static fr.opaline.core.persistence.generated.Tables.PRACTICE_SETTING;

import fr.opaline.core.practice.PracticeSettings;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The practice's MSSanté choices, in {@code practice_setting} so that every workstation that
 * validates a CR decides the same sends: send to the patient's Mon espace santé, close the
 * patient channel after sending (X-MSS-MES: FIN), ask correspondents for a read receipt, and the
 * notice given to correspondents when the CR was fed invisible to the patient (SC.MSS/UX.35).
 */
public record MssPracticeSettings(boolean sendToPatient, boolean closePatientChannel, boolean askReadReceipt,
                                  String invisibleNotice) {

    public static final String SEND_TO_PATIENT = "mss.patient.send";
    public static final String CLOSE_PATIENT_CHANNEL = "mss.patient.closeChannel";
    public static final String READ_RECEIPT = "mss.readReceipt";
    public static final String INVISIBLE_NOTICE = "mss.notice.invisible";

    /** Placeholders: {document} (title), {patient} (NOM Prénom). From the DSR's example. */
    public static final String DEFAULT_NOTICE = """
            Veuillez trouver ci-joint le document {document} concernant {patient}. Ce document vous est adressé en tant \
            que prescripteur et/ou médecin traitant.

            Pour information, ce document a été également envoyé dans l'espace santé (DMP) du patient en « invisible » \
            car il contient potentiellement des informations devant être apportées à sa connaissance avec un \
            accompagnement médical.

            Ce document nécessite donc votre attention et un suivi de prise en charge ou une annonce pour la personne \
            concernée.

            Une fois que ce suivi ou cette annonce a été effectué, nous vous invitons à remettre le document en \
            « visible » directement dans le DMP / Mon espace santé. Cela permettra un meilleur accompagnement du patient \
            et lui permettra d'accéder aux informations présentes sur le document. En effet, si ce n'est pas fait, la \
            personne concernée sera informée au bout d'un mois qu'elle dispose d'un document « invisible » dans son \
            espace santé et sera à nouveau encouragée à venir vous consulter. Au bout de trois mois, le document sera \
            automatiquement rendu visible pour éviter toute perte d'information pour le patient.""";

    public static MssPracticeSettings read(PracticeSettings settings) {
        return read(settings::get);
    }

    public static MssPracticeSettings read(DSLContext ctx) {
        return read(key -> ctx.select(PRACTICE_SETTING.SETTING_VALUE).from(PRACTICE_SETTING)
                .where(PRACTICE_SETTING.SETTING_KEY.eq(key)).fetchOptional(PRACTICE_SETTING.SETTING_VALUE));
    }

    private static MssPracticeSettings read(Function<String, Optional<String>> settings) {
        return new MssPracticeSettings(
                !"false".equalsIgnoreCase(settings.apply(SEND_TO_PATIENT).orElse("true")),
                !"false".equalsIgnoreCase(settings.apply(CLOSE_PATIENT_CHANNEL).orElse("true")),
                !"false".equalsIgnoreCase(settings.apply(READ_RECEIPT).orElse("true")),
                settings.apply(INVISIBLE_NOTICE).filter(s -> !s.isBlank()).orElse(DEFAULT_NOTICE));
    }

    public String notice(String documentTitle, String patient) {
        return invisibleNotice.replace("{document}", documentTitle).replace("{patient}", patient);
    }
}
