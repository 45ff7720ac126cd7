package io.chatapp.cli;

import io.chatapp.client.TlsPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which server to use: {@code --server --port --domain --trust --no-tls --api-url}, shared by register and login. */
public final class ServerOptions {

    static final String DEFAULT_SERVER = "localhost";
    static final int DEFAULT_PORT = 5222;

    @Option(names = "--server", paramLabel = "HOST",
            description = "Host name or address of the server (default: the domain if given, else localhost).")
    String server;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Client port of the server (default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "XMPP domain: the part after @ in addresses (default: the server host).")
    String domain;

    @Option(names = "--trust", paramLabel = "PEM_FILE",
            description = "Trust this PEM certificate as well as the system's authorities, e.g. the dev server's "
                    + "self-signed one.")
    Path trust;

    @Option(names = "--no-tls",
            description = "Connect without TLS (development only: the password travels in the clear).")
    boolean noTls;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "Base URL of the server's HTTP API, where login gets its tokens (default: "
                    + "https://SERVER:9097/, or http:// without TLS or for localhost).")
    URI apiUrl;

    /** The server host to connect to. */
    public String server() {
        if (server != null && !server.isBlank()) {
            return server.strip();
        }
        return domain != null && !domain.isBlank() ? domain.strip() : DEFAULT_SERVER;
    }

    /** The XMPP domain. */
    public String domain() {
        return domain != null && !domain.isBlank() ? domain.strip() : server();
    }

    public TlsPolicy tlsPolicy() {
        return noTls ? TlsPolicy.DISABLED : TlsPolicy.REQUIRED;
    }

    /** The API URL given, or the default for the server. */
    public URI apiUrl() {
        return apiUrl != null ? apiUrl : ApiUrls.defaultFor(server(), tlsPolicy());
    }

    /** Checks the options and makes the account; the certificate path is made absolute. */
    public Account account(String username) {
        if (port < 1 || port > 65535) {
            throw CliException.usage("--port must be between 1 and 65535, not " + port);
        }
        Path certificate = null;
        if (trust != null) {
            certificate = trust.toAbsolutePath().normalize();
            if (!Files.isRegularFile(certificate) || !Files.isReadable(certificate)) {
                throw new CliException("cannot read the certificate file " + certificate);
            }
        }
        return new Account(server(), port, domain(), certificate, tlsPolicy(), username.strip(), apiUrl());
    }
}
