package fr.opaline.api;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.user.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The documents of a record: the list (without content) and the content of one, each read audited. */
@Area("document")
public interface DocumentApi {

    /** The patient's documents without their content, by type then most recent act first. */
    @Access(purpose = "consulter les documents du dossier patient")
    List<ClinicalDocument> list(UUID patientId);

    /** One document with its content (PDF, CDA), for the viewer. */
    @Access(purpose = "lire un document du dossier patient")
    ClinicalDocument content(UUID documentId);

    /**
     * Who viewed which document between two days (inclusive), for the DPO (SC.DMP/CONF.14): CSV
     * with date, user, RPPS, patient, IPP, document, source. The export itself is audited.
     */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "exporter les consultations de documents pour le DPO")
    String viewsCsv(LocalDate from, LocalDate to);
}
