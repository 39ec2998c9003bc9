package fr.opaline.worklist.testing;

import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.Implementation;
import fr.opaline.worklist.net.Pdu;
import fr.opaline.worklist.net.PduChannel;
import fr.opaline.worklist.net.PduCodec;
import fr.opaline.worklist.net.PduFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * A misbehaving DICOM peer for robustness tests: writes whatever bytes it is told to and reads
 * what the SCP answers, PDU by PDU.
 */
public final class RawPeer implements AutoCloseable {

    private final Socket socket;
    private final PduChannel channel;

    public RawPeer(int port) throws IOException {
        this(port, null);
    }

    /** A peer whose connection leaves from {@code localAddress} (e.g. 127.0.0.2: another host of the loopback). */
    public RawPeer(int port, String localAddress) throws IOException {
        socket = localAddress == null ? new Socket("127.0.0.1", port)
                : new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0);
        socket.setTcpNoDelay(true);
        channel = new PduChannel(socket);
    }

    public static Pdu.AssociateRequest request(String called, String calling, Pdu.PresentationContext... contexts) {
        return new Pdu.AssociateRequest(1, called, calling, Pdu.APPLICATION_CONTEXT, List.of(contexts),
                new Pdu.UserInformation(16384, Implementation.CLASS_UID, "RAWPEER", List.of()));
    }

    public static Pdu.PresentationContext context(int id, String sopClass, TransferSyntax... syntaxes) {
        return new Pdu.PresentationContext(id, sopClass,
                (syntaxes.length == 0 ? List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
                        : List.of(syntaxes)).stream().map(TransferSyntax::uid).toList());
    }

    public RawPeer send(Pdu pdu) throws IOException {
        return send(PduCodec.encode(pdu));
    }

    public RawPeer send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    public Pdu receive() throws IOException, PduFormatException {
        return channel.read(Duration.ofSeconds(10), 0);
    }

    /** Waits for the SCP to close the connection; returns how long it took. */
    public Duration awaitClose(Duration max) throws IOException {
        long start = System.nanoTime();
        socket.setSoTimeout((int) max.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain what the SCP still sends
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Le SCP n'a pas fermé la connexion en " + max, e);
        } catch (SocketException | EOFException e) {
            // reset: closed too
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A PDU header with any type and length. */
    public static byte[] header(int type, long length) {
        return new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }

    public void closeAbruptly() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
