package fr.opaline.sandbox.mss;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's TLS listener in front of the sandbox mail store: TLS from the first byte, a client
 * certificate asked for (not required: PSC-authenticated mailboxes come without one) and checked
 * against the sandbox authority; each connection is then handled by the protocol's session.
 */
abstract class TlsFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsFront.class);

    private final String name;
    private final SSLServerSocket server;
    private final int backendPort;
    private final ExecutorService connections;
    private volatile boolean open = true;

    TlsFront(String name, SSLContext context, int port, int backendPort) throws IOException {
        this.name = name;
        this.backendPort = backendPort;
        this.server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.setWantClientAuth(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-mss-" + name);
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::accept, "sandbox-mss-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (open) {
                    LOG.debug("{} accept failed", name, e);
                }
            }
        }
    }

    private void serve(SSLSocket client) {
        Wire clientWire = null;
        Wire backend = null;
        try {
            client.setSoTimeout(120_000);
            client.startHandshake();
            String mailbox = null;
            try {
                Certificate[] chain = client.getSession().getPeerCertificates();
                mailbox = mailboxOf((X509Certificate) chain[0]);
            } catch (SSLPeerUnverifiedException none) {
                // no client certificate: only XOAUTH2 / passwords will be accepted
            }
            clientWire = new Wire(client);
            Socket store = new Socket(InetAddress.getLoopbackAddress(), backendPort);
            backend = new Wire(store);
            session(clientWire, backend, mailbox);
        } catch (IOException e) {
            LOG.debug("{} connection ended: {}", name, e.getMessage());
        } finally {
            if (clientWire != null) {
                clientWire.close();
            } else {
                try {
                    client.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            if (backend != null) {
                backend.close();
            }
        }
    }

    /** Handles one authenticated-TLS connection; {@code certifiedMailbox} is the rfc822Name of the client certificate. */
    abstract void session(Wire client, Wire store, String certifiedMailbox) throws IOException;

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    /** The rfc822Name of a client certificate (the mailbox it authenticates), or null. */
    static String mailboxOf(X509Certificate certificate) {
        try {
            if (certificate.getSubjectAlternativeNames() == null) {
                return null;
            }
            for (List<?> name : certificate.getSubjectAlternativeNames()) {
                if (Integer.valueOf(1).equals(name.get(0))) { // GeneralName rfc822Name
                    return name.get(1).toString().toLowerCase(Locale.ROOT);
                }
            }
            return null;
        } catch (CertificateParsingException e) {
            return null;
        }
    }
}
