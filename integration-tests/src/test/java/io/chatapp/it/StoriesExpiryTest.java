package io.chatapp.it;

import static io.chatapp.it.ClientFailures.reasonOf;
import static io.chatapp.it.MutualContacts.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.Story;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expiry with the lifetime shortened to seconds: at expiry a story is gone from every read path (fetch, feed, view,
 * its media URL), then the clean-up removes its rows, its views and its file's bytes.
 */
class StoriesExpiryTest {

    private static final int LIFETIME_SECONDS = 6;

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.stories.lifetimeSeconds", Integer.toString(LIFETIME_SECONDS),
            "chatapp.stories.cleanupIntervalSeconds", "2"));

    @TempDir
    Path files;

    @Test
    void anExpiredStoryDisappearsFromEveryPathAndIsDeleted(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient aliceClient = clients.loggedIn(alice);
            ChatClient bobClient = clients.loggedIn(bob);
            befriend(aliceClient, alice, bobClient, bob);
            Path photo = MediaFiles.png(files, "short.png", 320, 200);

            Story text = aliceClient.stories().postText("gone soon", null, null).join();
            Story image = aliceClient.stories().postMedia(photo, null, MediaProgressListener.NONE).join();
            bobClient.stories().view(text.id()).join();
            assertThat(bobClient.stories().fetch(alice.jid()).join()).hasSize(2);
            String url = image.media().url();
            assertThat(get(url)).isEqualTo(200);
            assertThat(image.expiresAt()).isEqualTo(image.postedAt().plusSeconds(LIFETIME_SECONDS));
            String fileId = url.substring(url.indexOf("/files/") + "/files/".length()).split("/")[0];
            Path blob = server.openfireHome().resolve("chatapp-media").resolve("files").resolve(fileId);
            assertThat(blob).as("the stored bytes").exists();

            sleepUntil(image.expiresAt().plusMillis(200));

            assertThat(bobClient.stories().fetch(alice.jid()).join()).isEmpty();
            assertThat(bobClient.stories().feed().join()).isEmpty();
            assertThat(aliceClient.stories().fetch(alice.jid()).join()).isEmpty();
            assertThat(reasonOf(() -> bobClient.stories().view(text.id()).join())).isEqualTo(Reason.NOT_FOUND);
            assertThat(reasonOf(() -> aliceClient.stories().viewers(text.id()).join())).isEqualTo(Reason.NOT_FOUND);
            assertThat(get(url)).as("the media URL is refused at expiry").isEqualTo(404);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (rows(server, alice.jid()) > 0 || Files.exists(blob)) {
                assertThat(Instant.now()).as("the clean-up removed rows and bytes").isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(count(server, "SELECT count(*) FROM chatapp.media_file WHERE file_id = ?"
                    + " AND deleted_at IS NULL", fileId)).isZero();
        }
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** The owner's story rows and the views of any story. */
    private static long rows(DevServer server, String owner) throws Exception {
        return count(server, "SELECT count(*) FROM chatapp.story WHERE owner = ?", owner)
                + count(server, "SELECT count(*) FROM chatapp.story_view WHERE viewer <> ?", owner);
    }

    private static long count(DevServer server, String sql, String parameter) throws Exception {
        try (Connection db = server.connectToDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
