package io.zsync.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers. */
public final class Ports {

    private Ports() {
    }

    /** Below Linux's default ephemeral range (32768-60999), where outgoing connections take their local ports. */
    static final int FIRST = 20_000;
    static final int LAST = 32_767;
    private static final int TRIES = 100;

    /**
     * A port that is free on 127.0.0.1 right now, for a process started afterwards. Chosen at random below the
     * ephemeral range: a port the kernel hands out for {@code 0} lies inside it, and until the process binds it
     * any outgoing connection of the tests, the broker or the services may take it as its local port.
     */
    public static int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < TRIES; i++) {
            int port = random.nextInt(FIRST, LAST + 1);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free loopback port: " + e.getMessage(), e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
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
