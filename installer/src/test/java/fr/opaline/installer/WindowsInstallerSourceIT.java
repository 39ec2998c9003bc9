package fr.opaline.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The Windows installer cannot be built here (jpackage makes Windows launchers only on
 * Windows), but its WiX source can be compiled: wixl (msitools), a peer nobody here wrote,
 * builds an MSI from packaging/windows/opaline.wxs over a stand-in of the jpackage Windows
 * app-image, and the MSI tables hold the product, the shortcuts and the machine
 * configuration. system-integration.wxs uses what only WiX 3 compiles: it is parsed.
 */
class WindowsInstallerSourceIT {

    @TempDir
    Path dir;

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @Test
    void theWixSourceCompilesIntoAnMsiWithShortcutsAndConfiguration() throws Exception {
        assumeTrue(onPath("wixl") && onPath("wixl-heat") && onPath("msiinfo"), "wixl/msitools not installed");
        Path packaging = Path.of(System.getProperty("opaline.packaging.dir", "../packaging")).toAbsolutePath().normalize();
        // The layout jpackage --type app-image gives on Windows (build-msi.ps1).
        for (String file : List.of("opaline.exe", "OpalineDesktop.exe", "opaline.ico", "app/opaline.cfg",
                "app/OpalineDesktop.cfg", "app/opaline.jar", "app/lib/picocli.jar", "runtime/bin/java.dll",
                "runtime/lib/modules", "runtime/release")) {
            Path path = dir.resolve("image").resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "stand-in for " + file);
        }
        Files.createSymbolicLink(dir.resolve("packaging"), packaging); // wixl wants relative sources

        Command list = Command.run(List.of("sh", "-c", "find image -type f | sort"), Map.of(), dir);
        Path files = dir.resolve("files.wxs");
        ProcessBuilder heat = new ProcessBuilder("wixl-heat", "-p", "image/", "--component-group", "OpalineFiles",
                "--var", "var.AppImage", "--directory-ref", "INSTALLDIR", "--win64")
                .directory(dir.toFile()).redirectOutput(files.toFile());
        Process process = heat.start();
        process.getOutputStream().write(list.out().getBytes());
        process.getOutputStream().close();
        assertThat(process.waitFor()).isZero();

        Command wixl = Command.run(List.of("wixl", "-a", "x64", "-D", "Version=0.1.0", "-D", "AppImage=image",
                "-D", "Packaging=packaging", "-D", "Win64=yes", "-o", "opaline.msi",
                "packaging/windows/opaline.wxs", "files.wxs"), Map.of(), dir);
        assertThat(wixl.exit()).as(wixl.all()).isZero();

        String shortcuts = Command.run(List.of("msiinfo", "export", "opaline.msi", "Shortcut"), Map.of(), dir).out();
        assertThat(shortcuts).contains("OpalineStartMenu").contains("OpalineDesktop").contains("[INSTALLDIR]OpalineDesktop.exe");
        String properties = Command.run(List.of("msiinfo", "export", "opaline.msi", "Property"), Map.of(), dir).out();
        assertThat(properties).contains("UpgradeCode\t{6F2B8E4A-3C1D-4B7E-9A55-0E5C7D2B9A41}")
                .contains("ProductVersion\t0.1.0").contains("ALLUSERS\t1");
        String fileTable = Command.run(List.of("msiinfo", "export", "opaline.msi", "File"), Map.of(), dir).out();
        assertThat(fileTable).contains("opaline.properties").contains("OpalineDesktop.exe").contains("modules");
        String directories = Command.run(List.of("msiinfo", "export", "opaline.msi", "Directory"), Map.of(), dir).out();
        assertThat(directories).contains("CommonAppDataFolder").contains("ProgramFiles64Folder");
    }

    @Test
    void theWixOnlyFragmentIsWellFormedAndAddsThePathAndTheServerTask() throws Exception {
        Path packaging = Path.of(System.getProperty("opaline.packaging.dir", "../packaging"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document fragment = factory.newDocumentBuilder().parse(packaging.resolve("windows/system-integration.wxs").toFile());
        assertThat(fragment.getElementsByTagNameNS("*", "Environment").item(0).getAttributes()
                .getNamedItem("Name").getNodeValue()).isEqualTo("PATH");
        assertThat(Files.readString(packaging.resolve("windows/system-integration.wxs")))
                .contains("schtasks.exe").contains("/SC ONSTART /RU SYSTEM").contains("server");
        assertThat(Files.readString(packaging.resolve("windows/build-msi.ps1")))
                .contains("system-integration.wxs").contains("--add-launcher");
    }
}
