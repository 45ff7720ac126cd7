package io.chatapp.devserver.junit;

import io.chatapp.devserver.DevServer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes fresh accounts on the dev server, with unique names, so tests never see each other's data. */
public final class TestUsers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DevServer server;
    private final AtomicInteger sequence = new AtomicInteger();

    TestUsers(DevServer server) {
        this.server = server;
    }

    /** A new account whose name starts with the given prefix (e.g. "alice"). */
    public TestUser create(String prefix) {
        TestUser user = unregistered(prefix);
        server.createUser(user.username(), user.password());
        return user;
    }

    /** A fresh name and password that is not (yet) an account, for registration tests. */
    public TestUser unregistered(String prefix) {
        String username = prefix.toLowerCase(java.util.Locale.ROOT) + "-" + sequence.incrementAndGet() + "-"
                + randomHex(3);
        return new TestUser(username, "pw-" + randomHex(12), server.domain());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
