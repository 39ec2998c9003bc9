package fr.opaline.worklist.net;

import fr.opaline.worklist.net.Pdu.Abort;
import fr.opaline.worklist.net.Pdu.AssociateAccept;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Pdu.AssociateRequest;
import fr.opaline.worklist.net.Pdu.PData;
import fr.opaline.worklist.net.Pdu.Pdv;
import fr.opaline.worklist.net.Pdu.PresentationContext;
import fr.opaline.worklist.net.Pdu.PresentationContextResult;
import fr.opaline.worklist.net.Pdu.ReleaseRequest;
import fr.opaline.worklist.net.Pdu.ReleaseResponse;
import fr.opaline.worklist.net.Pdu.SubItem;
import fr.opaline.worklist.net.Pdu.UserInformation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes and decodes PDUs (PS3.8 section 9.3): big-endian lengths, 16-byte AE titles, items
 * and sub-items with their own lengths. Decoding checks every length against its container and
 * reports a malformed PDU with the A-ABORT reason that fits.
 */
public final class PduCodec {

    static final int ITEM_APPLICATION_CONTEXT = 0x10;
    static final int ITEM_PRESENTATION_CONTEXT_RQ = 0x20;
    static final int ITEM_PRESENTATION_CONTEXT_AC = 0x21;
    static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    static final int ITEM_TRANSFER_SYNTAX = 0x40;
    static final int ITEM_USER_INFORMATION = 0x50;
    static final int SUB_MAXIMUM_LENGTH = 0x51;
    static final int SUB_IMPLEMENTATION_CLASS_UID = 0x52;
    static final int SUB_IMPLEMENTATION_VERSION_NAME = 0x55;

    private PduCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encode(Pdu pdu) {
        Out body = new Out();
        int type;
        if (pdu instanceof AssociateRequest rq) {
            type = Pdu.TYPE_ASSOCIATE_RQ;
            associateHeader(body, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle());
            item(body, ITEM_APPLICATION_CONTEXT, ascii(rq.applicationContext()));
            for (PresentationContext pc : rq.contexts()) {
                Out pcBody = new Out();
                pcBody.u8(pc.id()).u8(0).u8(0).u8(0);
                item(pcBody, ITEM_ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
                for (String ts : pc.transferSyntaxes()) {
                    item(pcBody, ITEM_TRANSFER_SYNTAX, ascii(ts));
                }
                item(body, ITEM_PRESENTATION_CONTEXT_RQ, pcBody.bytes());
            }
            item(body, ITEM_USER_INFORMATION, userInformation(rq.userInformation()));
        } else if (pdu instanceof AssociateAccept ac) {
            type = Pdu.TYPE_ASSOCIATE_AC;
            associateHeader(body, ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle());
            item(body, ITEM_APPLICATION_CONTEXT, ascii(ac.applicationContext()));
            for (PresentationContextResult pc : ac.contexts()) {
                Out pcBody = new Out();
                pcBody.u8(pc.id()).u8(0).u8(pc.result()).u8(0);
                item(pcBody, ITEM_TRANSFER_SYNTAX, ascii(pc.transferSyntax() == null ? "" : pc.transferSyntax()));
                item(body, ITEM_PRESENTATION_CONTEXT_AC, pcBody.bytes());
            }
            item(body, ITEM_USER_INFORMATION, userInformation(ac.userInformation()));
        } else if (pdu instanceof AssociateReject rj) {
            type = Pdu.TYPE_ASSOCIATE_RJ;
            body.u8(0).u8(rj.result()).u8(rj.source()).u8(rj.reason());
        } else if (pdu instanceof PData data) {
            type = Pdu.TYPE_P_DATA_TF;
            for (Pdv pdv : data.values()) {
                body.u32(pdv.data().length + 2L).u8(pdv.contextId()).u8((pdv.command() ? 1 : 0) | (pdv.last() ? 2 : 0));
                body.bytes(pdv.data());
            }
        } else if (pdu instanceof ReleaseRequest) {
            type = Pdu.TYPE_RELEASE_RQ;
            body.u32(0);
        } else if (pdu instanceof ReleaseResponse) {
            type = Pdu.TYPE_RELEASE_RP;
            body.u32(0);
        } else {
            Abort abort = (Abort) pdu;
            type = Pdu.TYPE_ABORT;
            body.u8(0).u8(0).u8(abort.source()).u8(abort.reason());
        }
        byte[] b = body.bytes();
        Out out = new Out();
        out.u8(type).u8(0).u32(b.length).bytes(b);
        return out.bytes();
    }

    private static void associateHeader(Out body, int version, String called, String calling) {
        body.u16(version).u16(0).bytes(aeTitle(called)).bytes(aeTitle(calling)).bytes(new byte[32]);
    }

    private static byte[] userInformation(UserInformation info) {
        Out out = new Out();
        Out max = new Out();
        max.u32(info.maxPduLength());
        item(out, SUB_MAXIMUM_LENGTH, max.bytes());
        if (info.implementationClassUid() != null) {
            item(out, SUB_IMPLEMENTATION_CLASS_UID, ascii(info.implementationClassUid()));
        }
        for (SubItem sub : info.otherSubItems()) {
            item(out, sub.type(), sub.value());
        }
        if (info.implementationVersionName() != null) {
            item(out, SUB_IMPLEMENTATION_VERSION_NAME, ascii(info.implementationVersionName()));
        }
        return out.bytes();
    }

    private static void item(Out out, int type, byte[] value) {
        out.u8(type).u8(0).u16(value.length).bytes(value);
    }

    static byte[] aeTitle(String title) {
        byte[] padded = new byte[16];
        Arrays.fill(padded, (byte) ' ');
        byte[] b = ascii(title);
        System.arraycopy(b, 0, padded, 0, Math.min(16, b.length));
        return padded;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes the body of a PDU whose header announced {@code type}. */
    public static Pdu decode(int type, byte[] body) throws PduFormatException {
        In in = new In(body, 0, body.length);
        switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ:
                return decodeRequest(in);
            case Pdu.TYPE_ASSOCIATE_AC:
                return decodeAccept(in);
            case Pdu.TYPE_ASSOCIATE_RJ:
                fixedLength(body, 4);
                return new AssociateReject(body[1] & 0xFF, body[2] & 0xFF, body[3] & 0xFF);
            case Pdu.TYPE_P_DATA_TF:
                return decodeData(in);
            case Pdu.TYPE_RELEASE_RQ:
                fixedLength(body, 4);
                return new ReleaseRequest();
            case Pdu.TYPE_RELEASE_RP:
                fixedLength(body, 4);
                return new ReleaseResponse();
            case Pdu.TYPE_ABORT:
                fixedLength(body, 4);
                return new Abort(body[2] & 0xFF, body[3] & 0xFF);
            default:
                throw new PduFormatException(String.format("Type de PDU inconnu 0x%02X", type), Abort.UNRECOGNIZED_PDU);
        }
    }

    private static void fixedLength(byte[] body, int expected) throws PduFormatException {
        if (body.length != expected) {
            throw invalid("Longueur de PDU " + body.length + " au lieu de " + expected);
        }
    }

    /** The fixed part shared by A-ASSOCIATE-RQ and -AC (PS3.8 tables 9-11 and 9-17). */
    private record AssociateHeader(int version, String called, String calling) {
        static AssociateHeader read(In in) throws PduFormatException {
            int version = in.u16();
            in.skip(2);
            String called = aeTitle(in.take(16));
            String calling = aeTitle(in.take(16));
            in.skip(32);
            return new AssociateHeader(version, called, calling);
        }
    }

    /** An item or sub-item: type, reserved byte, 16-bit length, value. */
    private record Item(int type, In value) {
        static Item read(In in) throws PduFormatException {
            int type = in.u8();
            in.skip(1);
            return new Item(type, in.sub(in.u16()));
        }
    }

    private static AssociateRequest decodeRequest(In in) throws PduFormatException {
        AssociateHeader header = AssociateHeader.read(in);
        String applicationContext = null;
        List<PresentationContext> contexts = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        UserInformation userInformation = null;
        while (in.remaining() > 0) {
            Item item = Item.read(in);
            switch (item.type()) {
                case ITEM_APPLICATION_CONTEXT -> applicationContext = uid(item.value().rest());
                case ITEM_PRESENTATION_CONTEXT_RQ -> {
                    PresentationContext pc = decodeProposedContext(item.value());
                    if (!ids.add(pc.id())) {
                        throw invalid("Contexte de présentation " + pc.id() + " proposé deux fois");
                    }
                    contexts.add(pc);
                }
                case ITEM_USER_INFORMATION -> userInformation = decodeUserInformation(item.value());
                default -> throw new PduFormatException(String.format("Item 0x%02X inattendu dans A-ASSOCIATE-RQ",
                        item.type()), Abort.UNRECOGNIZED_PDU_PARAMETER);
            }
        }
        if (applicationContext == null) {
            throw invalid("A-ASSOCIATE-RQ sans contexte d'application");
        }
        if (userInformation == null) {
            userInformation = new UserInformation(0, null, null, List.of());
        }
        return new AssociateRequest(header.version(), header.called(), header.calling(), applicationContext, contexts,
                userInformation);
    }

    private static PresentationContext decodeProposedContext(In item) throws PduFormatException {
        int id = item.u8();
        item.skip(3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.remaining() > 0) {
            Item sub = Item.read(item);
            if (sub.type() == ITEM_ABSTRACT_SYNTAX) {
                if (abstractSyntax != null) {
                    throw invalid("Deux syntaxes abstraites dans le contexte " + id);
                }
                abstractSyntax = uid(sub.value().rest());
            } else if (sub.type() == ITEM_TRANSFER_SYNTAX) {
                transferSyntaxes.add(uid(sub.value().rest()));
            } else {
                throw new PduFormatException(String.format("Sous-item 0x%02X inattendu dans le contexte %d",
                        sub.type(), id), Abort.UNRECOGNIZED_PDU_PARAMETER);
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty() || (id & 1) == 0) {
            throw invalid("Contexte de présentation " + id + " incomplet ou d'identifiant pair");
        }
        return new PresentationContext(id, abstractSyntax, transferSyntaxes);
    }

    private static AssociateAccept decodeAccept(In in) throws PduFormatException {
        AssociateHeader header = AssociateHeader.read(in);
        String applicationContext = null;
        List<PresentationContextResult> contexts = new ArrayList<>();
        UserInformation userInformation = new UserInformation(0, null, null, List.of());
        while (in.remaining() > 0) {
            Item item = Item.read(in);
            switch (item.type()) {
                case ITEM_APPLICATION_CONTEXT -> applicationContext = uid(item.value().rest());
                case ITEM_PRESENTATION_CONTEXT_AC -> contexts.add(decodeContextResult(item.value()));
                case ITEM_USER_INFORMATION -> userInformation = decodeUserInformation(item.value());
                default -> throw new PduFormatException(String.format("Item 0x%02X inattendu dans A-ASSOCIATE-AC",
                        item.type()), Abort.UNRECOGNIZED_PDU_PARAMETER);
            }
        }
        return new AssociateAccept(header.version(), header.called(), header.calling(), applicationContext, contexts,
                userInformation);
    }

    private static PresentationContextResult decodeContextResult(In item) throws PduFormatException {
        int id = item.u8();
        item.skip(1);
        int result = item.u8();
        item.skip(1);
        String ts = null;
        while (item.remaining() > 0) {
            Item sub = Item.read(item);
            if (sub.type() == ITEM_TRANSFER_SYNTAX) {
                ts = uid(sub.value().rest());
            }
        }
        return new PresentationContextResult(id, result, ts);
    }

    private static UserInformation decodeUserInformation(In item) throws PduFormatException {
        long max = 0;
        String classUid = null;
        String versionName = null;
        List<SubItem> others = new ArrayList<>();
        while (item.remaining() > 0) {
            Item sub = Item.read(item);
            switch (sub.type()) {
                case SUB_MAXIMUM_LENGTH -> {
                    if (sub.value().remaining() != 4) {
                        throw invalid("Sous-item de longueur maximale de " + sub.value().remaining() + " octets");
                    }
                    max = sub.value().u32();
                }
                case SUB_IMPLEMENTATION_CLASS_UID -> classUid = uid(sub.value().rest());
                case SUB_IMPLEMENTATION_VERSION_NAME -> versionName = uid(sub.value().rest());
                default -> others.add(new SubItem(sub.type(), sub.value().rest()));
            }
        }
        return new UserInformation(max, classUid, versionName, others);
    }

    private static PData decodeData(In in) throws PduFormatException {
        List<Pdv> values = new ArrayList<>();
        while (in.remaining() > 0) {
            long length = in.u32();
            if (length < 2 || length > in.remaining()) {
                throw invalid("Longueur de PDV " + length + " incohérente (" + in.remaining() + " octets restants)");
            }
            int contextId = in.u8();
            int header = in.u8();
            values.add(new Pdv(contextId, (header & 1) != 0, (header & 2) != 0, in.take((int) length - 2)));
        }
        if (values.isEmpty()) {
            throw invalid("P-DATA-TF sans PDV");
        }
        return new PData(values);
    }

    private static String aeTitle(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).trim();
    }

    private static String uid(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static PduFormatException invalid(String message) {
        return new PduFormatException(message, Abort.INVALID_PDU_PARAMETER_VALUE);
    }

    /** Big-endian writer. */
    private static final class Out {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

        Out u8(int v) {
            out.write(v);
            return this;
        }

        Out u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Out u32(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        Out bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Big-endian reader over a window of a byte array; running past the window is a format error. */
    private static final class In {
        private final byte[] data;
        private int pos;
        private final int end;

        In(byte[] data, int pos, int end) {
            this.data = data;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws PduFormatException {
            if (n < 0 || end - pos < n) {
                throw invalid("Item tronqué : " + n + " octet(s) attendus, " + (end - pos) + " disponibles");
            }
        }

        int u8() throws PduFormatException {
            need(1);
            return data[pos++] & 0xFF;
        }

        int u16() throws PduFormatException {
            need(2);
            int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        long u32() throws PduFormatException {
            need(4);
            long v = ((data[pos] & 0xFFL) << 24) | ((data[pos + 1] & 0xFFL) << 16) | ((data[pos + 2] & 0xFFL) << 8)
                    | (data[pos + 3] & 0xFFL);
            pos += 4;
            return v;
        }

        void skip(int n) throws PduFormatException {
            need(n);
            pos += n;
        }

        byte[] take(int n) throws PduFormatException {
            need(n);
            byte[] b = Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }

        byte[] rest() throws PduFormatException {
            return take(remaining());
        }

        In sub(int length) throws PduFormatException {
            need(length);
            In sub = new In(data, pos, pos + length);
            pos += length;
            return sub;
        }
    }
}
