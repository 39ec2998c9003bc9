package fr.opaline.app.cli;

import fr.opaline.app.OpalineVersion;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Opaline " + OpalineVersion.version(), "Java " + System.getProperty("java.version")};
    }
}
