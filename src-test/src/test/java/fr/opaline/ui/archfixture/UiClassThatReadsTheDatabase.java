package fr.opaline.ui.archfixture;

import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;

/** Deliberately breaks the three-tier rule: a desktop class reading the database itself. Test code only. */
public final class UiClassThatReadsTheDatabase {

    private UiClassThatReadsTheDatabase() {
    }

    static int offend(Database database) {
        return new PatientRepository(database.dsl()).hashCode();
    }
}
