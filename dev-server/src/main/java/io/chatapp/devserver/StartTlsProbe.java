package io.chatapp.devserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Does what a client does up to a working TLS stream: stream header, STARTTLS, TLS handshake (trusting the server's
 * own certificate), new stream header, features. Part of "the server is ready".
 *
 * <p>Listening ports are not enough: a server whose TLS setup is broken (a bad keystore, a protocol clients cannot
 * use) accepts connections and then stalls them. Checking a real negotiation makes "ready" mean "clients can log in",
 * and found the Openfire 4.2 TLS 1.3 stall described in {@code DevServer#serverProperties}.
 */
final class StartTlsProbe {

    private static final int STEP_TIMEOUT_MILLIS = 3_000;

    private final String domain;
    private final int port;
    private final SSLContext tls;
    private int attempts;

    StartTlsProbe(String domain, int port, Path certificatePem) throws IOException {
        this.domain = domain;
        this.port = port;
        this.tls = trusting(certificatePem);
    }

    /** True when a full STARTTLS negotiation succeeded within the step timeouts. */
    boolean succeeds() {
        attempts++;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), STEP_TIMEOUT_MILLIS);
            plain.setSoTimeout(STEP_TIMEOUT_MILLIS);
            send(plain.getOutputStream(), streamHeader());
            readUntil(plain.getInputStream(), "</stream:features>");
            send(plain.getOutputStream(), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            readUntil(plain.getInputStream(), "<proceed");
            try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true)) {
                secure.setSoTimeout(STEP_TIMEOUT_MILLIS);
                secure.startHandshake();
                send(secure.getOutputStream(), streamHeader());
                readUntil(secure.getInputStream(), "</stream:features>");
                send(secure.getOutputStream(), "</stream:stream>");
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** How many negotiations were tried so far. */
    int attempts() {
        return attempts;
    }

    private String streamHeader() {
        return "<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("Stream closed before " + marker);
            }
            seen.write(buffer, 0, read);
        }
    }

    private static SSLContext trusting(Path certificatePem) throws IOException {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load " + certificatePem, e);
        }
    }
}
