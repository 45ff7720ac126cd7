package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Passwords are stored only as salted SCRAM keys: nothing in the database gives the password back. */
@ExtendWith(ChatServerExtension.class)
class PasswordStorageTest {

    @Test
    void aRegisteredPasswordIsStoredHashedOnlyAndStillLogsIn(DevServer server, TestUsers users) throws Exception {
        TestUser dana = users.unregistered("dana");
        try (Clients clients = new Clients(server)) {
            try (ChatClient registrar = clients.open()) {
                registrar.register(dana.username(), dana.password()).join();
            }
            try (Connection db = server.connectToDatabase();
                 PreparedStatement query = db.prepareStatement("SELECT plainPassword, encryptedPassword, storedKey,"
                         + " serverKey, salt, iterations FROM ofUser WHERE username = ?")) {
                query.setString(1, dana.username());
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("plainPassword")).isNull();
                    assertThat(row.getString("encryptedPassword")).isNull();
                    assertThat(row.getString("storedKey")).isNotBlank().doesNotContain(dana.password());
                    assertThat(row.getString("serverKey")).isNotBlank();
                    assertThat(row.getString("salt")).isNotBlank();
                    assertThat(row.getInt("iterations")).isEqualTo(DevServer.SCRAM_ITERATIONS);
                }
            }
            ChatClient client = clients.loggedIn(dana);
            assertThat(client.isLoggedIn()).as("SCRAM-SHA-1 login with the stored keys").isTrue();
        }
    }
}
