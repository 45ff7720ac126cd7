package io.chatapp.devserver.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture runs a real coturn that grants an Allocate to a TURN REST credential only, and stops it on close. */
class CoturnServerTest {

    @TempDir
    Path directory;

    @Test
    void grantsAValidRestCredentialRefusesAWrongOneAndStopsOnClose() throws Exception {
        List<ProcessHandle> children;
        try (CoturnServer coturn = CoturnServer.start(directory);
             TurnClient client = new TurnClient(coturn.address())) {
            children = ProcessHandle.current().descendants().toList();
            assertThat(children).isNotEmpty();
            assertThat(client.binding()).isPresent();

            String username = (Instant.now().getEpochSecond() + 600) + ":alice";
            TurnClient.Allocation granted = client.allocate(username, password(coturn.secret(), username));
            assertThat(granted.succeeded()).as("allocation %s", granted).isTrue();
            assertThat(granted.relayedAddress().orElseThrow().getAddress().isLoopbackAddress()).isTrue();

            // A client per attempt: coturn ties a 5-tuple to the first username it saw there (437 for another).
            try (TurnClient other = new TurnClient(coturn.address())) {
                assertThat(other.allocate(username, password("not-the-secret", username)).errorCode())
                        .isEqualTo(401);
            }
            String expired = (Instant.now().getEpochSecond() - 60) + ":alice";
            try (TurnClient late = new TurnClient(coturn.address())) {
                assertThat(late.allocate(expired, password(coturn.secret(), expired)).errorCode()).isEqualTo(401);
            }
        }
        for (ProcessHandle child : children) {
            assertThat(child.isAlive()).as("%s after close", child.info().command()).isFalse();
        }
    }

    private static String password(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
