package fr.opaline.ins.datamatrix;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import java.util.Map;

/** Renders a Datamatrix INS payload as an ECC200 square DataMatrix module matrix (ZXing). */
public final class DatamatrixInsSymbol {

    private DatamatrixInsSymbol() {
    }

    /** One bit per module, no quiet zone; the caller scales and adds the quiet zone. */
    public static BitMatrix encode(String payload) {
        try {
            return new DataMatrixWriter().encode(payload, BarcodeFormat.DATA_MATRIX, 0, 0,
                    Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Datamatrix INS impossible à produire : " + e.getMessage(), e);
        }
    }
}
