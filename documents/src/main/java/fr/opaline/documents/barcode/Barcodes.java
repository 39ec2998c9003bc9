package fr.opaline.documents.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import fr.opaline.ins.datamatrix.DatamatrixInsSymbol;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The two symbols of a CR, as module matrices (ZXing): the DRIMbox QR code and the Datamatrix INS. */
public final class Barcodes {

    private Barcodes() {
    }

    /** QR code of a URL, error correction M, no quiet zone (the PDF leaves one around it). */
    public static BitMatrix qrCode(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR code impossible à produire pour cette URL : " + e.getMessage(), e);
        }
    }

    /** The Datamatrix INS (SC.CDA/VISU.04) of a qualified identity. */
    public static BitMatrix datamatrixIns(InsNumber ins, IdentityTraits traits) {
        return DatamatrixInsSymbol.encode(DatamatrixInsPayload.of(ins, traits));
    }
}
