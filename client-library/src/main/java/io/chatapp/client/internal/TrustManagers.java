package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust in the system's certificate authorities plus, optionally, certificates pinned from a PEM file. */
public final class TrustManagers {

    private TrustManagers() {
    }

    /** Trusts what the JDK trusts, and the certificates in the given PEM file. */
    public static X509TrustManager systemAnd(Path pemFile) {
        X509TrustManager system = fromKeyStore(null);
        X509TrustManager pinned = fromKeyStore(load(pemFile));
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    pinned.checkServerTrusted(chain, authType);
                } catch (CertificateException notPinned) {
                    system.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
                all.addAll(List.of(pinned.getAcceptedIssuers()));
                return all.toArray(X509Certificate[]::new);
            }
        };
    }

    private static KeyStore load(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new ChatClientException(Reason.TLS, "No certificate in " + pemFile);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("pinned-" + index++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ChatClientException(Reason.TLS, "Cannot read certificate " + pemFile + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager fromKeyStore(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("No X509TrustManager available");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context for HTTP clients trusting what {@link #systemAnd} trusts. */
    public static javax.net.ssl.SSLContext sslContext(Path pemFile) {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {systemAnd(pemFile)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ChatClientException(Reason.TLS, "Cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
