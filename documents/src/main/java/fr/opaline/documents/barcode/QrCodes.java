package fr.opaline.documents.barcode;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A QR code (of an {@code otpauth://} URI, say) for a person to scan: as a PNG image with its
 * quiet zone, or as text for a terminal (two modules per character, Unicode half blocks).
 */
public final class QrCodes {

    /** The quiet zone the QR specification asks around the symbol, in modules. */
    public static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** Black modules on white, {@code scale} pixels per module, with the quiet zone. */
    public static byte[] png(String text, int scale) {
        BitMatrix matrix = Barcodes.qrCode(text);
        int side = (matrix.getWidth() + 2 * QUIET_ZONE) * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, dark(matrix, x / scale - QUIET_ZONE, y / scale - QUIET_ZONE) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The symbol drawn with the characters █ ▀ ▄ and spaces, dark modules as blocks: for a terminal
     * with a dark background, where the blocks show light, {@code inverted} draws the light modules.
     */
    public static String text(String text, boolean inverted) {
        BitMatrix matrix = Barcodes.qrCode(text);
        int side = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < side; y += 2) {
            for (int x = 0; x < side; x++) {
                boolean top = dark(matrix, x - QUIET_ZONE, y - QUIET_ZONE) != inverted;
                boolean bottom = (y + 1 < side ? dark(matrix, x - QUIET_ZONE, y + 1 - QUIET_ZONE) : false) != inverted;
                out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Width of {@link #text} in characters. */
    public static int textWidth(String text) {
        return Barcodes.qrCode(text).getWidth() + 2 * QUIET_ZONE;
    }

    private static boolean dark(BitMatrix matrix, int x, int y) {
        return x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight() && matrix.get(x, y);
    }
}
