package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.TlsPolicy;
import io.chatapp.client.TokenClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import java.util.ArrayList;
import java.util.List;

/** Opens real clients against the test's dev server (STARTTLS required, trusting its certificate). */
final class Clients implements AutoCloseable {

    private final DevServer server;
    private final List<ChatClient> opened = new ArrayList<>();

    Clients(DevServer server) {
        this.server = server;
    }

    ChatClientConfig config() {
        return ChatClientConfig.builder(server.domain())
                .host("127.0.0.1")
                .port(server.xmppPort())
                .tlsPolicy(TlsPolicy.REQUIRED)
                .trustedCertificate(server.certificate())
                .build();
    }

    /** {@link #config()} with the server's token API, for token logins. */
    ChatClientConfig tokenConfig() {
        return config().toBuilder().apiBaseUrl(server.pluginHttpUri()).build();
    }

    /** The server's token API. */
    TokenClient tokenApi() {
        return TokenClient.create(tokenConfig());
    }

    ChatClient open() {
        return open(config());
    }

    ChatClient open(ChatClientConfig config) {
        ChatClient client = ChatClient.create(config);
        opened.add(client);
        return client;
    }

    /** A client logged in as the user. */
    ChatClient loggedIn(TestUser user) {
        ChatClient client = open();
        client.login(user.username(), user.password()).join();
        return client;
    }

    /** A client logged in as the user with tokens from the token API (so it may ask for fresh media URLs). */
    ChatClient loggedInWithToken(TestUser user) {
        ChatClient client = open(tokenConfig());
        client.loginWithToken(tokenApi().obtainTokens(user.username(), user.password()).join()).join();
        return client;
    }

    @Override
    public void close() {
        for (ChatClient client : opened) {
            client.close();
        }
    }
}
