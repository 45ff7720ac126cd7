package io.chatapp.devserver.turn;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A minimal STUN/TURN client over UDP, enough to prove a server and its credentials: a Binding request, and a TURN
 * Allocate with long-term credentials (the unauthenticated request draws a 401 with the realm and nonce, the second
 * one carries USERNAME, REALM, NONCE and MESSAGE-INTEGRITY). Requests are retransmitted, as UDP may drop them.
 */
public final class TurnClient implements AutoCloseable {

    private static final int ATTEMPTS = 4;
    private static final int WAIT_MILLIS = 500;

    /**
     * What an Allocate came to: the relayed address on success, else the error code (401 for refused credentials).
     */
    public record Allocation(int errorCode, Optional<InetSocketAddress> relayedAddress) {

        public boolean succeeded() {
            return errorCode == 0 && relayedAddress.isPresent();
        }
    }

    private final InetSocketAddress server;
    private final DatagramSocket socket;

    public TurnClient(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
        socket.setSoTimeout(WAIT_MILLIS);
    }

    /** A Binding request's answer: this client's address as the server saw it, empty when nothing came back. */
    public Optional<InetSocketAddress> binding() throws IOException {
        StunMessage request = StunMessage.request(StunMessage.BINDING_REQUEST, List.of());
        return exchange(request, request.encode())
                .filter(r -> r.type() == StunMessage.BINDING_SUCCESS)
                .flatMap(r -> r.xorAddress(StunMessage.XOR_MAPPED_ADDRESS));
    }

    /** A TURN Allocate (UDP relay) with the given long-term credentials. */
    public Allocation allocate(String username, String password) throws IOException {
        StunMessage first = StunMessage.request(StunMessage.ALLOCATE_REQUEST, List.of(StunMessage.udpTransport()));
        StunMessage challenge = exchange(first, first.encode())
                .orElseThrow(() -> new IOException("no answer to an Allocate from " + server));
        if (challenge.errorCode() != 401) {
            return answer(challenge);
        }
        String realm = challenge.text(StunMessage.REALM).orElseThrow(() -> new IOException("401 without realm"));
        String nonce = challenge.text(StunMessage.NONCE).orElseThrow(() -> new IOException("401 without nonce"));
        StunMessage signed = StunMessage.request(StunMessage.ALLOCATE_REQUEST, List.of(
                StunMessage.udpTransport(),
                StunMessage.text(StunMessage.USERNAME, username),
                StunMessage.text(StunMessage.REALM, realm),
                StunMessage.text(StunMessage.NONCE, nonce)));
        return answer(exchange(signed, signed.encodeSigned(username, realm, password))
                .orElseThrow(() -> new IOException("no answer to an authenticated Allocate from " + server)));
    }

    private static Allocation answer(StunMessage response) {
        if (response.type() == StunMessage.ALLOCATE_SUCCESS) {
            return new Allocation(0, response.xorAddress(StunMessage.XOR_RELAYED_ADDRESS));
        }
        return new Allocation(response.errorCode(), Optional.empty());
    }

    private Optional<StunMessage> exchange(StunMessage request, byte[] encoded) throws IOException {
        byte[] buffer = new byte[2048];
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            socket.send(new DatagramPacket(encoded, encoded.length, server));
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Optional<StunMessage> response = StunMessage.decode(packet.getData(), packet.getLength())
                        .filter(m -> Arrays.equals(m.transactionId(), request.transactionId()));
                if (response.isPresent()) {
                    return response;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        socket.close();
    }
}
