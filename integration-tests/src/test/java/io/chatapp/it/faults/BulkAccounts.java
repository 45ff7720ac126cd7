package io.chatapp.it.faults;

import io.chatapp.devserver.DevServer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Thousands of accounts for a flood, created up front in one batch: rows in Openfire's {@code ofUser} with SCRAM-SHA-1
 * keys, as Openfire's own {@code DefaultAuthProvider} writes them (base64 salt, stored key and server key, the dev
 * server's iteration count). One salt and password for the batch, so the key derivation runs once instead of 2,000
 * times (in Openfire, 2,000 derivations took 50 s on the shared machine); each account is still a separate user.
 */
final class BulkAccounts {

    static final String PASSWORD = "flood-password-1";

    private BulkAccounts() {
    }

    /** Creates {@code count} accounts named {@code prefix-0…} with {@link #PASSWORD}; returns their names. */
    static List<String> create(DevServer server, String prefix, int count) throws Exception {
        long started = System.nanoTime();
        byte[] saltBytes = new byte[24];
        new SecureRandom().nextBytes(saltBytes);
        String salt = ScramSha1.base64(saltBytes);
        byte[] salted = ScramSha1.saltedPassword(PASSWORD, salt, DevServer.SCRAM_ITERATIONS);
        String storedKey = ScramSha1.base64(MessageDigest.getInstance("SHA-1")
                .digest(ScramSha1.hmac(salted, "Client Key")));
        String serverKey = ScramSha1.base64(ScramSha1.hmac(salted, "Server Key"));
        String now = String.format("%015d", System.currentTimeMillis());
        List<String> names = new ArrayList<>();
        try (Connection db = server.connectToDatabase();
             PreparedStatement insert = db.prepareStatement("INSERT INTO ofUser (username, storedKey, serverKey,"
                     + " salt, iterations, name, creationDate, modificationDate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String name = prefix + "-" + i;
                insert.setString(1, name);
                insert.setString(2, storedKey);
                insert.setString(3, serverKey);
                insert.setString(4, salt);
                insert.setInt(5, DevServer.SCRAM_ITERATIONS);
                insert.setString(6, name);
                insert.setString(7, now);
                insert.setString(8, now);
                insert.addBatch();
                names.add(name);
            }
            insert.executeBatch();
        }
        System.out.printf("Created %d accounts in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
        return names;
    }
}
