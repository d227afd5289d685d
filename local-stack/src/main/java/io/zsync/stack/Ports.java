package io.zsync.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers. */
public final class Ports {

    private Ports() {
    }

    /** A port that is free on 127.0.0.1 right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** True when something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message if {@code port} is taken. */
    public static void requireFree(int port, String forWhat) {
        if (inUse(port)) {
            throw new StackException("port " + port + " (" + forWhat + ") is already in use on 127.0.0.1; "
                    + "stop what holds it or choose another port");
        }
    }
}
