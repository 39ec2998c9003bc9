package fr.opaline.ins.datamatrix;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A Datamatrix INS as a black-on-white PNG: each module a square of {@code moduleSize} pixels,
 * with a quiet zone of {@link #QUIET_MODULES} modules all around (ISO/IEC 16022 asks for one).
 */
public final class DatamatrixInsImage {

    public static final int QUIET_MODULES = 2;
    public static final int DEFAULT_MODULE_PIXELS = 6;

    private DatamatrixInsImage() {
    }

    public static BufferedImage render(String payload, int moduleSize) {
        if (moduleSize < 1 || moduleSize > 50) {
            throw new IllegalArgumentException("Taille de module hors limites : " + moduleSize);
        }
        BitMatrix modules = DatamatrixInsSymbol.encode(payload);
        int width = (modules.getWidth() + 2 * QUIET_MODULES) * moduleSize;
        int height = (modules.getHeight() + 2 * QUIET_MODULES) * moduleSize;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        int white = 0xFFFFFF;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, white);
            }
        }
        for (int my = 0; my < modules.getHeight(); my++) {
            for (int mx = 0; mx < modules.getWidth(); mx++) {
                if (modules.get(mx, my)) {
                    int px = (mx + QUIET_MODULES) * moduleSize;
                    int py = (my + QUIET_MODULES) * moduleSize;
                    for (int dy = 0; dy < moduleSize; dy++) {
                        for (int dx = 0; dx < moduleSize; dx++) {
                            image.setRGB(px + dx, py + dy, 0);
                        }
                    }
                }
            }
        }
        return image;
    }

    public static byte[] png(String payload, int moduleSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(payload, moduleSize), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
