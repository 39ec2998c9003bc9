package fr.opaline.dmp.archfixture;

import fr.opaline.sandbox.dmp.DmpSandbox;

/** Deliberately breaks the sandbox rule: a domain class reaching for a stand-in. Test code only. */
public final class DmpClassThatStartsTheSandbox {

    private DmpClassThatStartsTheSandbox() {
    }

    static String offend(DmpSandbox sandbox) {
        return String.valueOf(sandbox.endpoints());
    }
}
