package fr.opaline.ui.admin;

import com.google.zxing.common.BitMatrix;
import fr.opaline.documents.barcode.Barcodes;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A QR code (the documents module's ZXing encoding) as an image for the screen, with its quiet zone. */
final class QrImage {

    /** The quiet zone the QR specification asks around the symbol, in modules. */
    static final int QUIET_ZONE = 4;

    private QrImage() {
    }

    /** Black modules on white, {@code scale} pixels per module; may be called off the FX thread. */
    static WritableImage of(String text, int scale) {
        BitMatrix matrix = Barcodes.qrCode(text);
        int side = (matrix.getWidth() + 2 * QUIET_ZONE) * scale;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - QUIET_ZONE;
                int my = y / scale - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                pixels.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
