package fr.opaline.documents.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QR codes a person scans to enrol a second factor, read back by an independent decoder
 * (zbarimg, Debian package zbar-tools), not by the library that drew them.
 */
class QrCodesTest {

    static final String URI = "otpauth://totp/Opaline:accueil.durand?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=Opaline&algorithm=SHA1&digits=6&period=30";

    @TempDir
    Path dir;

    @Test
    void thePngReadsBackAsTheUri() throws Exception {
        Path png = Files.write(dir.resolve("totp.png"), QrCodes.png(URI, 6));
        assertThat(zbar(png)).isEqualTo(URI);
    }

    @Test
    void theTerminalDrawingReadsBackAsTheUri() throws Exception {
        String drawn = QrCodes.text(URI, false);
        String[] lines = drawn.split("\n");
        int width = QrCodes.textWidth(URI);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(width));
        int scale = 6;
        BufferedImage image = new BufferedImage(width * scale, lines.length * 2 * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int row = 0; row < lines.length; row++) {
            for (int x = 0; x < width; x++) {
                char c = lines[row].charAt(x);
                paint(image, x, row * 2, scale, c == '█' || c == '▀');
                paint(image, x, row * 2 + 1, scale, c == '█' || c == '▄');
            }
        }
        Path png = dir.resolve("terminal.png");
        ImageIO.write(image, "png", png.toFile());
        assertThat(zbar(png)).isEqualTo(URI);
    }

    private static void paint(BufferedImage image, int mx, int my, int scale, boolean dark) {
        for (int y = my * scale; y < (my + 1) * scale; y++) {
            for (int x = mx * scale; x < (mx + 1) * scale; x++) {
                image.setRGB(x, y, dark ? 0 : 0xFFFFFF);
            }
        }
    }

    /** What zbarimg decodes in the image (its raw text, no symbology prefix). */
    static String zbar(Path png) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg (zbar-tools) absent de cette machine");
        Process process = new ProcessBuilder("/usr/bin/zbarimg", "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.strip();
    }
}
