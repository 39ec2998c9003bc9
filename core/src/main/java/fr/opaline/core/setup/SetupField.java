package fr.opaline.core.setup;

import java.util.List;

/**
 * One entry of the first-run setup: where its value lives, how it is asked, how it is checked.
 *
 * @param key     configuration or practice-setting key
 * @param section heading under which it is asked ("Identité du cabinet"…)
 * @param label   the question, in French
 * @param storage the database (shared by every workstation) or this machine's configuration file
 * @param secret  asked without echo and never printed
 * @param check   normalises a non-blank answer, or throws IllegalArgumentException (French message)
 */
public record SetupField(String key, String section, String label, Storage storage, boolean secret, Check check) {

    /** Where a value is kept. */
    public enum Storage {
        /** {@code practice_setting}: every workstation and the server read the same value. */
        DATABASE,
        /** The configuration file of the machine that runs the server or the workstation. */
        CONFIGURATION
    }

    /** Checks one answer; warnings go to {@code warnings} (French sentences). */
    @FunctionalInterface
    public interface Check {
        String normalise(String answer, List<String> warnings);
    }
}
