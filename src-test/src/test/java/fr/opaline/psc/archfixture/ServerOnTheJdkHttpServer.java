package fr.opaline.psc.archfixture;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Deliberately serves HTTP with the JDK's server instead of platform/http, to prove the rule fires. Test code only. */
public final class ServerOnTheJdkHttpServer {

    private ServerOnTheJdkHttpServer() {
    }

    static HttpServer offend() throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    }
}
