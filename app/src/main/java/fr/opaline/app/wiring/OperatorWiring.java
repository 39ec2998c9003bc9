package fr.opaline.app.wiring;

import fr.opaline.core.common.Actor;
import fr.opaline.server.operator.OperatorEndpoint;
import java.nio.file.Path;

/**
 * The operator area (decision 0310) over this process's services: served by the practice server
 * to the commands run on its machine, or used by a command that opened the database itself.
 */
public final class OperatorWiring {

    private OperatorWiring() {
    }

    public static OperatorEndpoint endpoint(CoreServices core, Actor by) {
        AccountsWiring accounts = new AccountsWiring(core);
        return new OperatorEndpoint(core.database, accounts.administration, accounts.review, core.audit, core.clock, by);
    }

    /** Where the running server writes its operator credential: beside the vault key. */
    public static Path tokenFile(fr.opaline.app.config.OpalineConfig config) {
        return config.vaultKeyFile().toAbsolutePath().resolveSibling(
                fr.opaline.server.operator.OperatorCredential.FILE_NAME);
    }
}
