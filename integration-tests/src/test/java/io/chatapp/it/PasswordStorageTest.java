package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
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
            StoredPassword stored = StoredPassword.of(server, dana.username());
            assertThat(stored.plainPassword()).isNull();
            assertThat(stored.encryptedPassword()).isNull();
            assertThat(stored.storedKey()).isNotBlank().doesNotContain(dana.password());
            assertThat(stored.serverKey()).isNotBlank();
            assertThat(stored.salt()).isNotBlank();
            assertThat(stored.iterations()).isEqualTo(DevServer.SCRAM_ITERATIONS);
            ChatClient client = clients.loggedIn(dana);
            assertThat(client.isLoggedIn()).as("SCRAM-SHA-1 login with the stored keys").isTrue();
        }
    }
}
