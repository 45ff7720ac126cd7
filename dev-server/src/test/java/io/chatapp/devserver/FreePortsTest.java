package io.chatapp.devserver;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreBindableDistinctAndBelowTheEphemeralRangeThatOutgoingConnectionsUse() throws Exception {
        int firstEphemeral = FreePorts.firstEphemeralPort();
        if (Files.isReadable(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            assertTrue(firstEphemeral > 1_024, "the ephemeral range was misread: " + firstEphemeral);
        }
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            if (firstEphemeral > 11_000) {
                assertTrue(port < firstEphemeral, port + " lies in the ephemeral range from " + firstEphemeral);
            }
            picked.add(port);
            try (ServerSocket socket = new ServerSocket()) {
                assertDoesNotThrow(() -> socket.bind(new InetSocketAddress(port)));
            }
        }
        assertEquals(50, picked.size(), "a port was handed out twice");
    }
}
