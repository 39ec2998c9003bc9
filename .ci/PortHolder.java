import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process holding ports, as a running {@code opaline demo} holds the defaults: binds each
 * port given on all addresses (one already taken by another process stays taken anyway), prints
 * {@code HELD} and waits to be killed. Run as a single source file ({@code java .ci/PortHolder.java
 * 11112 …}) by {@code .ci/run} around the whole test suite and by {@code DefaultPortsTakenTest}.
 */
public final class PortHolder {

    private PortHolder() {
    }

    public static void main(String[] args) throws Exception {
        List<ServerSocket> held = new ArrayList<>();
        for (String port : args) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(Integer.parseInt(port)));
                held.add(socket);
            } catch (IOException e) {
                socket.close();
                System.out.println("port " + port + " already taken by another process: " + e.getMessage());
            }
        }
        System.out.println("HELD " + held.size());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
