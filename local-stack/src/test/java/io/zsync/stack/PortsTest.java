package io.zsync.stack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void shouldHandOutBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = Ports.free();
            seen.add(port);
            assertThat(port).isBetween(Ports.FIRST, Ports.LAST);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)); // really free
            }
        }
        assertThat(seen).as("random, not one port over and over").hasSizeGreaterThan(1);
    }

    @Test
    void shouldTellAListeningPortFromAFreeOne() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.inUse(socket.getLocalPort())).isTrue();
        }
        assertThat(Ports.inUse(Ports.free())).isFalse();
    }
}
