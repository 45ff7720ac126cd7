package io.chatapp.plugin.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.config.StorySettings;
import io.chatapp.plugin.http.QueryParameters;
import io.chatapp.plugin.media.LocalBlobStore;
import io.chatapp.plugin.media.MediaFile;
import io.chatapp.plugin.media.MediaRecords;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.media.MediaUrls;
import io.chatapp.plugin.media.UrlSigner;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import io.chatapp.plugin.testing.VideoBytes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image stories on the real media service (PostgreSQL, local store): only the owner's own image or video becomes a
 * story, once; its file is granted to the audience, unservable from the story's expiry, and deleted with it.
 */
class StoryMediaTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String MALLORY = "mallory@example.org";
    private static final String BASE = "https://media.example.org";
    private static final Duration MAX_VIDEO = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Database database;
    private MediaService media;
    private StoryService stories;
    private StoryStore store;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(postgres.settings("story_media_" + System.nanoTime()));
        MediaSettings settings = new MediaSettings("local", directory.toString(), BASE, "upload",
                Duration.ofMinutes(5), new MediaSettings.Limits(1_000_000, 1_000, 1_000_000, 2_000), 0,
                Duration.ZERO, Duration.ofDays(30), Duration.ofDays(365), null);
        UrlSigner signer = new UrlSigner(database.dataSource(), Duration.ofDays(30), Duration.ofDays(365), clock);
        media = new MediaService(new MediaRecords(database.dataSource()), new LocalBlobStore(directory),
                new MediaUrls(BASE, signer, Duration.ZERO, clock), settings, background, clock);
        store = new StoryStore(database.dataSource());
        Map<String, Set<String>> rosters = Map.of(ALICE, Set.of(BOB), BOB, Set.of(ALICE));
        stories = new StoryService(store, StoryFiles.of(media), user -> rosters.getOrDefault(user, Set.of()),
                StoryEvents.NONE, new StorySettings(Duration.ofHours(24), 100, Duration.ofMinutes(1),
                MAX_VIDEO), clock);
        media.grantVia(stories::grantsFile);
    }

    @AfterEach
    void close() {
        background.shutdownNow();
        database.close();
    }

    /** Uploads bytes through a slot as the owner; returns the GET URL. */
    private String upload(String owner, String name, String type, byte[] bytes) throws Exception {
        MediaService.SlotGrant grant = media.requestSlot(owner, name, bytes.length, type).join();
        String path = URI.create(grant.putUrl()).getPath();
        media.upload(path.substring(path.lastIndexOf('/') + 1),
                QueryParameters.parse(URI.create(grant.putUrl()).getRawQuery()), type, bytes.length,
                new ByteArrayInputStream(bytes));
        return grant.getUrl();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void anImageStoryIsForItsAudienceUntilItExpires() throws Exception {
        String url = upload(ALICE, "beach.png", "image/png", png());
        PostedStory posted = stories.post(ALICE, PostRequest.media(url, "Beach"));
        MediaFile file = posted.media();

        assertThat(posted.story().kind()).isEqualTo(StoryKind.IMAGE);
        assertThat(stories.fetch(BOB, ALICE).get(0).mediaUrl()).contains(file.fileId());
        assertThat(media.freshUrl(file.fileId(), BOB).url()).contains(file.fileId());
        assertThatThrownBy(() -> media.freshUrl(file.fileId(), MALLORY)).hasMessageContaining("Only the uploader");

        clock.advance(Duration.ofHours(24));
        assertThat(media.servable(file.fileId())).as("refused from the story's expiry on").isEmpty();
        new StoryCleanup(database.dataSource(), store, stories, clock).run();
        assertThat(directory.resolve("files").resolve(file.fileId())).doesNotExist();
    }

    @Test
    void onlyTheOwnersOwnImageOrVideoBecomesAStoryOnce() throws Exception {
        String bobs = upload(BOB, "bob.png", "image/png", png());
        String pdf = upload(ALICE, "notes.pdf", "application/pdf",
                "%PDF-1.4\nnotes".getBytes(StandardCharsets.UTF_8));
        String mine = upload(ALICE, "mine.png", "image/png", png());

        assertRefused(() -> stories.post(ALICE, PostRequest.media(bobs, null)));
        assertRefused(() -> stories.post(ALICE, PostRequest.media(pdf, null)));
        assertRefused(() -> stories.post(ALICE, PostRequest.media(mine.replace("s=", "s=0"), null)));
        PostedStory posted = stories.post(ALICE, PostRequest.media(mine, "x".repeat(100)));
        assertRefused(() -> stories.post(ALICE, PostRequest.media(mine, null)));
        assertThat(stories.fetch(ALICE, ALICE)).hasSize(1);

        assertThat(directory.resolve("files").resolve(posted.media().fileId())).exists();
        stories.delete(ALICE, posted.story().id());
        assertThat(media.servable(posted.media().fileId())).isEmpty();
        assertThat(directory.resolve("files").resolve(posted.media().fileId())).doesNotExist();
    }

    @Test
    void aVideoPlaysNoLongerThanTheLimit() throws Exception {
        String clip = upload(ALICE, "clip.mp4", "video/mp4", VideoBytes.mp4(30));
        String webm = upload(ALICE, "clip.webm", "video/webm", VideoBytes.webm(29_500));
        String tooLong = upload(ALICE, "long.mp4", "video/mp4", VideoBytes.mp4(31));
        String unreadable = upload(ALICE, "broken.mp4", "video/mp4", Arrays.copyOf(VideoBytes.mp4(5), 60));

        assertThat(stories.post(ALICE, PostRequest.media(clip, null)).story().kind()).isEqualTo(StoryKind.VIDEO);
        assertThat(stories.post(ALICE, PostRequest.media(webm, null)).story().kind()).isEqualTo(StoryKind.VIDEO);
        assertThatThrownBy(() -> stories.post(ALICE, PostRequest.media(tooLong, null)))
                .isInstanceOfSatisfying(StoryException.class, e -> assertThat(e.problem())
                        .isEqualTo(StoryException.Problem.VIDEO_TOO_LONG))
                .hasMessageContaining("at most 30 s").hasMessageContaining("31 s");
        assertThatThrownBy(() -> stories.post(ALICE, PostRequest.media(unreadable, null)))
                .isInstanceOfSatisfying(StoryException.class, e -> assertThat(e.problem())
                        .isEqualTo(StoryException.Problem.VIDEO_LENGTH_UNKNOWN));

        assertThat(stories.fetch(ALICE, ALICE)).hasSize(2);
        MediaFile refused = media.ownFile(tooLong, ALICE).orElseThrow();
        assertThat(refused.deleted()).as("the upload stays the user's file").isFalse();
        assertThat(media.freshUrl(refused.fileId(), ALICE).url()).contains(refused.fileId());
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static void assertRefused(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StoryException.class,
                e -> assertThat(e.problem()).isEqualTo(StoryException.Problem.MEDIA_REFUSED));
    }
}
