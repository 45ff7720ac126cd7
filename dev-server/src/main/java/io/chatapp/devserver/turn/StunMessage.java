package io.chatapp.devserver.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One STUN message (RFC 8489): a type, a transaction id and attributes, encoded with the magic cookie. Only what a
 * TURN Allocate with long-term credentials needs: MESSAGE-INTEGRITY (HMAC-SHA1) and the XOR addresses.
 */
public final class StunMessage {

    public static final int BINDING_REQUEST = 0x0001;
    public static final int BINDING_SUCCESS = 0x0101;
    public static final int ALLOCATE_REQUEST = 0x0003;
    public static final int ALLOCATE_SUCCESS = 0x0103;
    public static final int ALLOCATE_ERROR = 0x0113;

    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int LIFETIME = 0x000D;
    public static final int REALM = 0x0014;
    public static final int NONCE = 0x0015;
    public static final int XOR_RELAYED_ADDRESS = 0x0016;
    public static final int REQUESTED_TRANSPORT = 0x0019;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int HEADER_LENGTH = 20;
    private static final int INTEGRITY_LENGTH = 4 + 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One attribute as it is on the wire (value unpadded). */
    public record Attribute(int type, byte[] value) {
    }

    private final int type;
    private final byte[] transactionId;
    private final List<Attribute> attributes;

    private StunMessage(int type, byte[] transactionId, List<Attribute> attributes) {
        this.type = type;
        this.transactionId = transactionId;
        this.attributes = List.copyOf(attributes);
    }

    /** A new request of the given type with a random transaction id. */
    public static StunMessage request(int type, List<Attribute> attributes) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return new StunMessage(type, id, attributes);
    }

    public static Attribute text(int type, String value) {
        return new Attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /** REQUESTED-TRANSPORT: UDP (protocol 17). */
    public static Attribute udpTransport() {
        return new Attribute(REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
    }

    public int type() {
        return type;
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    public Optional<byte[]> attribute(int attributeType) {
        return attributes.stream().filter(a -> a.type() == attributeType).map(Attribute::value).findFirst();
    }

    public Optional<String> text(int attributeType) {
        return attribute(attributeType).map(v -> new String(v, StandardCharsets.UTF_8));
    }

    /** The ERROR-CODE's number (e.g. 401), or 0 when there is none. */
    public int errorCode() {
        return attribute(ERROR_CODE).map(v -> (v[2] & 0x7) * 100 + (v[3] & 0xFF)).orElse(0);
    }

    /** An XOR-MAPPED-ADDRESS or XOR-RELAYED-ADDRESS (IPv4 or IPv6) decoded. */
    public Optional<InetSocketAddress> xorAddress(int attributeType) {
        return attribute(attributeType).map(this::unxor);
    }

    private InetSocketAddress unxor(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.get();
        int family = buffer.get();
        int port = (buffer.getShort() & 0xFFFF) ^ (MAGIC_COOKIE >>> 16);
        byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
        byte[] address = new byte[family == 1 ? 4 : 16];
        buffer.get(address);
        for (int i = 0; i < address.length; i++) {
            address[i] ^= mask[i];
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length", e);
        }
    }

    /** The message on the wire, without MESSAGE-INTEGRITY. */
    public byte[] encode() {
        return encode(null);
    }

    /**
     * The message on the wire with a MESSAGE-INTEGRITY made with the long-term credential key
     * MD5(username ":" realm ":" password).
     */
    public byte[] encodeSigned(String username, String realm, String password) {
        return encode(longTermKey(username, realm, password));
    }

    private byte[] encode(byte[] integrityKey) {
        int bodyLength = attributes.stream().mapToInt(a -> 4 + padded(a.value().length)).sum();
        int length = bodyLength + (integrityKey == null ? 0 : INTEGRITY_LENGTH);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + length);
        buffer.putShort((short) type).putShort((short) length).putInt(MAGIC_COOKIE).put(transactionId);
        for (Attribute attribute : attributes) {
            buffer.putShort((short) attribute.type()).putShort((short) attribute.value().length)
                    .put(attribute.value()).put(new byte[padded(attribute.value().length) - attribute.value().length]);
        }
        if (integrityKey != null) {
            // The HMAC covers the message up to the attribute, with the length already counting it (RFC 8489 14.5).
            byte[] hmac = hmacSha1(integrityKey, Arrays.copyOf(buffer.array(), buffer.position()));
            buffer.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(hmac);
        }
        return buffer.array();
    }

    /** Decodes a received message; empty when it is no STUN message. */
    public static Optional<StunMessage> decode(byte[] data, int length) {
        if (length < HEADER_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
        int type = buffer.getShort() & 0xFFFF;
        int bodyLength = buffer.getShort() & 0xFFFF;
        if (buffer.getInt() != MAGIC_COOKIE || HEADER_LENGTH + bodyLength > length) {
            return Optional.empty();
        }
        byte[] id = new byte[12];
        buffer.get(id);
        List<Attribute> attributes = new ArrayList<>();
        while (buffer.position() + 4 <= HEADER_LENGTH + bodyLength) {
            int attributeType = buffer.getShort() & 0xFFFF;
            int valueLength = buffer.getShort() & 0xFFFF;
            if (buffer.position() + valueLength > HEADER_LENGTH + bodyLength) {
                return Optional.empty();
            }
            byte[] value = new byte[valueLength];
            buffer.get(value);
            buffer.position(Math.min(buffer.position() + padded(valueLength) - valueLength, HEADER_LENGTH + bodyLength));
            attributes.add(new Attribute(attributeType, value));
        }
        return Optional.of(new StunMessage(type, id, attributes));
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static byte[] longTermKey(String username, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5").digest((username + ":" + realm + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
