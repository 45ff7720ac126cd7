package io.chatapp.it.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris connections: each sends an HTTP request one byte at a time, never finishing its headers, to hold a
 * server's connection (and, on a thread-per-connection server, a thread). Opened from several loopback addresses
 * (127.0.0.2…) as several attacking hosts would be, so no per-address limit hides what the server does with many.
 */
final class Tricklers implements AutoCloseable {

    private static final int ADDRESSES = 4;

    private final byte[] request;
    private final List<SocketChannel> sockets = new ArrayList<>();
    private int sentBytes;

    Tricklers(int port, int count, String request) throws IOException {
        this.request = request.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel socket = SocketChannel.open();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (2 + i % ADDRESSES)), 0));
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.configureBlocking(false);
            sockets.add(socket);
        }
    }

    /** Sends every open trickler its next byte; returns how many are still open (the server has not closed them). */
    int trickle() {
        byte next = request[sentBytes++ % (request.length - 4)];
        int open = 0;
        for (SocketChannel socket : sockets) {
            if (!socket.isOpen()) {
                continue;
            }
            try {
                ByteBuffer end = ByteBuffer.allocate(1);
                if (socket.read(end) < 0) {
                    socket.close();
                    continue;
                }
                socket.write(ByteBuffer.wrap(new byte[] {next}));
                open++;
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }
        return open;
    }

    @Override
    public void close() {
        sockets.forEach(Tricklers::closeQuietly);
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
