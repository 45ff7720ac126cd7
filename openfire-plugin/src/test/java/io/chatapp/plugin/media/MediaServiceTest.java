package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.QueryParameters;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The media service on real PostgreSQL and a local store: slots, uploads, URLs, shares, revocation, clean-up. */
class MediaServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String BASE = "https://media.example.org";

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Database database;
    private MediaRecords records;
    private LocalBlobStore store;
    private UrlSigner signer;

    @BeforeEach
    void open() throws IOException {
        database = Database.open(postgres.settings("media_" + System.nanoTime()));
        records = new MediaRecords(database.dataSource());
        store = new LocalBlobStore(directory);
        signer = new UrlSigner(database.dataSource(), Duration.ofDays(30), Duration.ofDays(365), clock);
    }

    @AfterEach
    void close() {
        background.shutdownNow();
        database.close();
    }

    private MediaService service(long quota, Duration downloadExpiry) {
        MediaSettings settings = new MediaSettings("local", directory.toString(), BASE, "upload",
                Duration.ofMinutes(5), new MediaSettings.Limits(1_000_000, 1_000, 1_000, 2_000), quota,
                downloadExpiry, Duration.ofDays(30), Duration.ofDays(365), null);
        return new MediaService(records, store, new MediaUrls(BASE, signer, downloadExpiry, clock), settings,
                background, clock);
    }

    private MediaService service() {
        return service(0, Duration.ZERO);
    }

    /** A service on {@code onStore} that takes plain files of up to 2 MB. */
    private MediaService service(LocalBlobStore onStore, Path root) {
        MediaSettings settings = new MediaSettings("local", root.toString(), BASE, "upload",
                Duration.ofMinutes(5), new MediaSettings.Limits(1_000_000, 1_000, 1_000, 2_000_000), 0,
                Duration.ZERO, Duration.ofDays(30), Duration.ofDays(365), null);
        return new MediaService(records, onStore, new MediaUrls(BASE, signer, Duration.ZERO, clock), settings,
                background, clock);
    }

    private static Map<String, String> query(String url) throws HttpProblem {
        return QueryParameters.parse(URI.create(url).getRawQuery());
    }

    private static String slotId(MediaService.SlotGrant grant) {
        String path = URI.create(grant.putUrl()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String fileId(String getUrl) {
        String path = URI.create(getUrl).getPath();
        return path.split("/")[4];
    }

    private static InputStream body(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private MediaFile upload(MediaService media, MediaService.SlotGrant grant, String type, byte[] bytes)
            throws Exception {
        return media.upload(slotId(grant), query(grant.putUrl()), type, bytes.length, body(bytes));
    }

    /** A small PDF Alice uploaded, and the slot it was uploaded to (whose GET URL messages name). */
    private record UploadedPdf(MediaService.SlotGrant grant, MediaFile file) {
    }

    private UploadedPdf uploadPdf(MediaService media) throws Exception {
        byte[] bytes = "%PDF-1.4\nsome pdf".getBytes(StandardCharsets.UTF_8);
        MediaService.SlotGrant grant = media.requestSlot(ALICE, "doc.pdf", bytes.length, "application/pdf").join();
        return new UploadedPdf(grant, upload(media, grant, "application/pdf", bytes));
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static int status(ThrowingCall call) {
        return problemOf(call).response().status();
    }

    /** The HTTP problem the call failed with; fails the test when it did not. */
    private static HttpProblem problemOf(ThrowingCall call) {
        try {
            call.run();
        } catch (HttpProblem problem) {
            return problem;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no HttpProblem");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aFullDiskRefusesUploadsWith507LeavesNothingHalfWrittenAndRecovers() throws Exception {
        Path small = mountSmallDisk();
        try {
            LocalBlobStore onSmallDisk = new LocalBlobStore(small);
            MediaService media = service(onSmallDisk, small);
            byte[] first = "a".repeat(600_000).getBytes(StandardCharsets.US_ASCII);
            byte[] second = "b".repeat(400_000).getBytes(StandardCharsets.US_ASCII);
            MediaService.SlotGrant firstGrant = media.requestSlot(ALICE, "a.txt", first.length, "text/plain").join();
            // Granted while the disk had room for both: the PUT's 507 is for the room another program took meanwhile.
            MediaService.SlotGrant secondGrant = media.requestSlot(ALICE, "b.txt", second.length, "text/plain")
                    .join();
            MediaFile stored = upload(media, firstGrant, "text/plain", first);
            Path otherProgram = Files.write(small.resolve("other-program"), new byte[300_000]);
            assertThat(refusal(() -> media.requestSlot(ALICE, "c.txt", second.length, "text/plain").join()))
                    .as("a slot asked for once the disk is full").satisfies(e -> {
                        assertThat(e.reason()).isEqualTo(SlotRefusedException.Reason.STORE_FULL);
                        assertThat(e.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
                    });

            HttpProblem full = problemOf(() -> upload(media, secondGrant, "text/plain", second));
            assertThat(full.response().status()).as("the upload that does not fit").isEqualTo(507);
            assertThat(full.response().headers()).containsEntry("Retry-After", "60");
            Files.delete(otherProgram);
            try (Stream<Path> files = Files.walk(small)) {
                assertThat(files.filter(Files::isRegularFile).toList()).as("nothing half-written")
                        .singleElement().satisfies(file -> assertThat(Files.size(file)).isEqualTo(first.length));
            }
            try (InputStream in = onSmallDisk.get(BlobKeys.file(stored.fileId()), 0, first.length)) {
                assertThat(in.readAllBytes()).as("downloads keep working").isEqualTo(first);
            }

            assertThat(run("mount", "-o", "remount,size=4m", small.toString())).isZero();
            assertThat(upload(media, secondGrant, "text/plain", second).size())
                    .as("the same slot works once space returns").isEqualTo(second.length);
            assertThat(media.requestSlot(ALICE, "c.txt", second.length, "text/plain").join())
                    .as("and slots are granted again").isNotNull();
        } finally {
            run("umount", small.toString());
        }
    }

    /** A 1 MB tmpfs under the store (the tests run as root; elsewhere the test is skipped, saying why). */
    private Path mountSmallDisk() throws Exception {
        Path small = Files.createDirectories(directory.resolve("small-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()) == 0,
                "mounting a tmpfs needs root (CAP_SYS_ADMIN)");
        return small;
    }

    @Test
    void anImageWhoseThumbnailDoesNotFitIsRefusedWith507NotTheClients400() throws Exception {
        // Regression: the thumbnail's write failing for lack of space came out as 400 incomplete_upload.
        Path small = mountSmallDisk();
        try {
            MediaService media = service(new LocalBlobStore(small), small);
            byte[] png = UploadRulesTest.png(800, 600);
            // tmpfs counts whole pages: leave exactly the image's pages free, none for its thumbnail.
            long page = 4096;
            long imagePages = (png.length + page - 1) / page;
            Files.write(small.resolve("filler"), new byte[(int) (1024 * 1024 - imagePages * page)]);
            MediaService.SlotGrant grant = media.requestSlot(ALICE, "big.png", png.length, "image/png").join();

            assertThat(status(() -> upload(media, grant, "image/png", png)))
                    .as("the upload whose thumbnail does not fit").isEqualTo(507);
            try (Stream<Path> files = Files.walk(small)) {
                assertThat(files.filter(Files::isRegularFile).toList()).as("neither the image nor its thumbnail")
                        .containsExactly(small.resolve("filler"));
            }
        } finally {
            run("umount", small.toString());
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Test
    void aFileAnotherFeatureHoldsExpiresAndIsGrantedByThatFeature() throws Exception {
        MediaService media = service();
        byte[] png = UploadRulesTest.png(40, 30);
        MediaService.SlotGrant grant = media.requestSlot(ALICE, "story.png", png.length, "image/png").join();
        MediaFile file = upload(media, grant, "image/png", png);

        assertThat(media.ownFile(grant.getUrl(), ALICE)).contains(file);
        assertThat(media.ownFile(grant.getUrl(), BOB)).as("someone else's file").isEmpty();
        assertThat(media.ownFile(grant.getUrl().replace("s=", "s=x"), ALICE)).as("forged").isEmpty();
        assertThat(status(() -> media.freshUrl(file.fileId(), BOB))).isEqualTo(403);
        FileGrants bobMay = (fileId, user) -> user.equals(BOB) && fileId.equals(file.fileId());
        media.grantVia(bobMay);
        assertThat(media.freshUrl(file.fileId(), BOB).url()).contains(file.fileId());
        media.stopGrantingVia(bobMay);
        assertThat(status(() -> media.freshUrl(file.fileId(), BOB))).isEqualTo(403);

        media.expireAt(file.fileId(), ALICE, clock.instant().plusSeconds(60));
        assertThat(media.servable(file.fileId())).isPresent();
        clock.advance(Duration.ofSeconds(60));
        assertThat(media.servable(file.fileId())).as("unservable from its expiry on").isEmpty();
        assertThat(status(() -> media.freshUrl(file.fileId(), ALICE))).isEqualTo(404);

        assertThat(media.deleteOwned(file.fileId(), BOB)).isFalse();
        assertThat(media.deleteOwned(file.fileId(), ALICE)).isTrue();
        assertThat(store.size(BlobKeys.file(file.fileId()))).isEmpty();
    }

    @Test
    void anImageIsUploadedOnceHashedMeasuredAndThumbnailed() throws Exception {
        MediaService media = service();
        byte[] png = UploadRulesTest.png(800, 600);
        MediaService.SlotGrant grant = media.requestSlot(ALICE, "cat.png", png.length, "image/png").join();
        assertThat(grant.putUrl()).startsWith(BASE + "/media/v1/upload/").contains("k=").contains("s=");
        assertThat(grant.getUrl()).startsWith(BASE + "/media/v1/files/").contains("/cat.png?k=");
        assertThat(grant.putHeaders()).isEmpty();

        MediaFile file = upload(media, grant, "image/png", png);

        assertThat(file.fileId()).isEqualTo(fileId(grant.getUrl()));
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(png)));
        assertThat(file.width()).isEqualTo(800);
        assertThat(file.thumbnail()).isEqualTo(new MediaFile.Dimensions(256, 192));
        Map<String, Object> json = media.uploaded(file);
        assertThat(json).containsEntry("size", (long) png.length).containsEntry("mediaType", "image/png")
                .containsEntry("width", 800).containsEntry("height", 600).containsKey("thumbnail");
        assertThat(store.size(BlobKeys.file(file.fileId()))).contains((long) png.length);
        assertThat(store.size(BlobKeys.thumbnail(file.fileId()))).isPresent();
        assertThat(records.file(file.fileId())).contains(file);
        assertThat(media.urls().downloadSigned(MediaUrls.FILES_PATH, file.fileId(), query(grant.getUrl())))
                .isTrue();

        assertThat(status(() -> upload(media, grant, "image/png", png))).isEqualTo(403);
    }

    @Test
    void forgedExpiredAndCrossUserUploadsAreRefused() throws Exception {
        MediaService media = service();
        byte[] bytes = "plain text".getBytes(StandardCharsets.UTF_8);
        MediaService.SlotGrant alices = media.requestSlot(ALICE, "a.txt", bytes.length, "text/plain").join();
        MediaService.SlotGrant bobs = media.requestSlot(BOB, "b.txt", bytes.length, "text/plain").join();

        // Bob's signature on Alice's slot, a tampered signature, a missing one.
        assertThat(status(() -> media.upload(slotId(alices), query(bobs.putUrl()), "text/plain", bytes.length,
                body(bytes)))).isEqualTo(403);
        Map<String, String> forged = new java.util.HashMap<>(query(alices.putUrl()));
        // Another first character (a signature that already starts with "A" must not stay as it is).
        forged.put("s", (forged.get("s").startsWith("A") ? "B" : "A") + forged.get("s").substring(1));
        assertThat(status(() -> media.upload(slotId(alices), forged, "text/plain", bytes.length, body(bytes))))
                .isEqualTo(403);
        assertThat(status(() -> media.upload(slotId(alices), Map.of(), "text/plain", bytes.length, body(bytes))))
                .isEqualTo(403);
        assertThat(status(() -> media.upload("nosuchslotnosuchslotnosuchslot22", query(alices.putUrl()),
                "text/plain", bytes.length, body(bytes)))).isEqualTo(404);

        clock.advance(Duration.ofMinutes(6));
        assertThat(status(() -> upload(media, alices, "text/plain", bytes))).isEqualTo(403);
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aBodyThatLiesAboutItsSizeOrTypeIsRefusedAndNothingIsKept() throws Exception {
        MediaService media = service();
        MediaService.SlotGrant grant = media.requestSlot(ALICE, "x.png", 100, "image/png").join();
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
                .getBytes(StandardCharsets.UTF_8);

        // Declared longer than the slot; chunked and longer; shorter; wrong Content-Type; HTML named PNG.
        assertThat(status(() -> media.upload(slotId(grant), query(grant.putUrl()), "image/png", 200,
                body(new byte[200])))).isEqualTo(413);
        byte[] longer = new byte[150];
        byte[] header = UploadRulesTest.png(1, 1);
        System.arraycopy(header, 0, longer, 0, Math.min(header.length, 60));
        assertThat(status(() -> media.upload(slotId(grant), query(grant.putUrl()), "image/png", -1,
                body(longer)))).isEqualTo(413);
        assertThat(status(() -> media.upload(slotId(grant), query(grant.putUrl()), "image/png", 50,
                body(new byte[50])))).isEqualTo(400);
        assertThat(status(() -> media.upload(slotId(grant), query(grant.putUrl()), "text/plain", 100,
                body(new byte[100])))).isEqualTo(400);
        MediaService.SlotGrant htmlSlot = media.requestSlot(ALICE, "x.png", html.length, "image/png").join();
        assertThat(status(() -> upload(media, htmlSlot, "image/png", html))).isEqualTo(415);

        assertThat(storedFiles()).isEmpty();
        assertThat(postgres.query("SELECT count(*) FROM " + database.schema() + ".media_file").get(0).get(0))
                .isEqualTo(0L);
    }

    @Test
    void slotRequestsAreCheckedAgainstLimitsTypesAndTheQuota() throws Exception {
        MediaService media = service(3_000, Duration.ZERO);
        assertThat(refusal(() -> media.requestSlot(ALICE, "v.mp4", 1_001, "video/mp4").join()))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(SlotRefusedException.Reason.TOO_LARGE);
                    assertThat(e.maxBytes()).isEqualTo(1_000);
                });
        assertThat(refusal(() -> media.requestSlot(ALICE, "p.html", 10, "text/html").join()).reason())
                .isEqualTo(SlotRefusedException.Reason.DISALLOWED_TYPE);
        assertThat(refusal(() -> media.requestSlot(ALICE, "", 10, "text/plain").join()).reason())
                .isEqualTo(SlotRefusedException.Reason.BAD_REQUEST);

        media.requestSlot(ALICE, "a.bin", 2_000, null).join();
        assertThat(refusal(() -> media.requestSlot(ALICE, "b.bin", 1_500, null).join()).reason())
                .isEqualTo(SlotRefusedException.Reason.QUOTA);
        media.requestSlot(BOB, "b.bin", 1_500, null).join();
        // An unused slot stops counting once it has expired.
        clock.advance(Duration.ofMinutes(6));
        media.requestSlot(ALICE, "b.bin", 1_500, null).join();
    }

    private static SlotRefusedException refusal(Runnable call) {
        try {
            call.run();
        } catch (CompletionException e) {
            return (SlotRefusedException) e.getCause();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void signaturesSurviveAKeyRotationAndForgedOrExpiredDownloadsFail() throws Exception {
        MediaService media = service(0, Duration.ofHours(1));
        MediaUrls.SignedUrl url = media.urls().download("abcdefghijklmnopqrstuvwxyz234567", "f.txt");
        assertThat(url.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        String fileId = "abcdefghijklmnopqrstuvwxyz234567";
        assertThat(media.urls().downloadSigned(MediaUrls.FILES_PATH, fileId, query(url.url()))).isTrue();
        // The file's signature does not open its thumbnail, nor another file.
        assertThat(media.urls().downloadSigned(MediaUrls.THUMBNAILS_PATH, fileId, query(url.url()))).isFalse();
        assertThat(media.urls().downloadSigned(MediaUrls.FILES_PATH, "bbcdefghijklmnopqrstuvwxyz234567",
                query(url.url()))).isFalse();
        Map<String, String> later = new java.util.HashMap<>(query(url.url()));
        later.put("e", Long.toString(clock.instant().plus(Duration.ofDays(9)).getEpochSecond()));
        assertThat(media.urls().downloadSigned(MediaUrls.FILES_PATH, fileId, later)).isFalse();

        clock.advance(Duration.ofMinutes(59));
        String oldKey = query(url.url()).get("k");
        // A new signing key after the rotation period: URLs signed with the old one still verify.
        clock.advance(Duration.ofDays(31));
        UrlSigner.Signature fresh = signer.sign("x");
        assertThat(fresh.keyId()).isNotEqualTo(oldKey);
        assertThat(signer.verify(oldKey, "x", new UrlSigner(database.dataSource(), Duration.ofDays(30),
                Duration.ofDays(365), clock).sign("x").value())).isFalse();
        MediaUrls.SignedUrl longLived = service().urls().download(fileId, "f.txt");
        clock.advance(Duration.ofDays(31));
        assertThat(service().urls().downloadSigned(MediaUrls.FILES_PATH, fileId, query(longLived.url()))).isTrue();
        // The hour-long URL has expired.
        assertThat(media.urls().downloadSigned(MediaUrls.FILES_PATH, fileId, query(url.url()))).isFalse();
    }

    @Test
    void aFreshUrlAskedBeforeItsMessagesShareIsNotedWaitsForTheArchive() throws Exception {
        MediaService media = service();
        UploadedPdf uploaded = uploadPdf(media);
        MediaService.SlotGrant grant = uploaded.grant();
        MediaFile file = uploaded.file();
        // Bob has the message; its batch has not committed yet, so its share is still to be noted.
        CompletableFuture<Void> noted = new CompletableFuture<>();
        media.sharesNotedBy(() -> noted);
        Thread archiveWriter = new Thread(() -> {
            try {
                Thread.sleep(300);
                media.noteShared(List.of(grant.getUrl()), 9L, ALICE, BOB);
                noted.complete(null);
            } catch (Exception e) {
                noted.completeExceptionally(e);
            }
        });
        archiveWriter.start();

        assertThat(media.freshUrl(file.fileId(), BOB).url()).contains(file.fileId());
        assertThat(status(() -> media.freshUrl(file.fileId(), "carol@example.org"))).as("still no one else's")
                .isEqualTo(403);
        archiveWriter.join();
    }

    @Test
    void participantsGetFreshUrlsAndARetractionByTheUploaderRevokesTheFile() throws Exception {
        MediaService media = service();
        UploadedPdf uploaded = uploadPdf(media);
        MediaService.SlotGrant grant = uploaded.grant();
        MediaFile file = uploaded.file();

        assertThat(media.freshUrl(file.fileId(), ALICE).url()).startsWith(media.urls().filesPrefix()
                + file.fileId() + "/doc.pdf?");
        assertThat(status(() -> media.freshUrl(file.fileId(), BOB))).isEqualTo(403);
        media.noteShared(List.of(grant.getUrl(), "not a url"), 42L, ALICE, BOB);
        // A stranger sharing the URL does not let Carol revoke it; Bob, a participant, may now fetch it.
        media.revokeRetracted(BOB, "<message><body>" + grant.getUrl() + "</body></message>");
        drain();
        assertThat(media.freshUrl(file.fileId(), BOB).url()).contains(file.fileId());
        assertThat(status(() -> media.freshUrl(file.fileId(), "carol@example.org"))).isEqualTo(403);
        assertThat(status(() -> media.delete(file.fileId(), BOB))).isEqualTo(403);

        media.revokeRetracted(ALICE, "<message><body>" + grant.getUrl().replace("&", "&amp;")
                + "</body></message>");
        drain();
        assertThat(media.servable(file.fileId())).isEmpty();
        assertThat(status(() -> media.freshUrl(file.fileId(), ALICE))).isEqualTo(404);
        assertThat(store.size(BlobKeys.file(file.fileId()))).isEmpty();
    }

    @Test
    void onlyASignedUrlSentBySomeoneEntitledToTheFileSharesIt() throws Exception {
        // Security report (issue 12, item 2): a message that merely named a file id was noted as a share of it.
        MediaService media = service();
        String carol = "carol@example.org";
        String dave = "dave@example.org";
        byte[] bytes = "%PDF-1.4\nprivate".getBytes(StandardCharsets.UTF_8);
        MediaService.SlotGrant grant = media.requestSlot(ALICE, "doc.pdf", bytes.length, "application/pdf").join();
        MediaFile file = upload(media, grant, "application/pdf", bytes);
        String mention = media.urls().filesPrefix() + file.fileId() + "/x.png?k=bogus&s=bogus";
        String unsigned = media.urls().filesPrefix() + file.fileId() + "/doc.pdf";

        // Bob was never given the file: neither a mention, nor a URL without signature, nor the real signed URL
        // (say it leaked to him) makes him or Carol entitled.
        media.noteShared(List.of(mention, unsigned), 1L, BOB, carol);
        media.noteShared(List.of(grant.getUrl()), 2L, BOB, carol);
        drain();
        assertThat(records.shares(file.fileId())).isEmpty();
        assertThat(status(() -> media.freshUrl(file.fileId(), carol))).isEqualTo(403);
        assertThat(status(() -> media.freshUrl(file.fileId(), BOB))).isEqualTo(403);

        // The uploader's own mention of a forged URL grants nothing either; her signed URL does.
        media.noteShared(List.of(mention), 3L, ALICE, BOB);
        drain();
        assertThat(status(() -> media.freshUrl(file.fileId(), BOB))).isEqualTo(403);
        media.noteShared(List.of(grant.getUrl()), 4L, ALICE, BOB);
        drain();
        assertThat(media.freshUrl(file.fileId(), BOB).url()).contains(file.fileId());

        // Bob, now entitled, forwards the signed URL to Dave: a forward is a share.
        media.noteShared(List.of(media.freshUrl(file.fileId(), BOB).url()), 5L, BOB, dave);
        drain();
        assertThat(media.freshUrl(file.fileId(), dave).url()).contains(file.fileId());
        assertThat(status(() -> media.freshUrl(file.fileId(), carol))).isEqualTo(403);
    }

    @Test
    void membersOfAGroupAFileWasSharedWithGetFreshUrlsOthersDoNot() throws Exception {
        String room = "g1@groups.example.org";
        long sharedAt = ArchiveIds.lowestAt(clock.instant());
        // Bob was in the group when the file was shared; Carol joined later; Dave never was in it.
        Map<String, Instant> joined = Map.of(BOB, clock.instant().minusSeconds(3600),
                "carol@example.org", clock.instant().plusSeconds(3600));
        ShareAudience members = (conversation, user, at) -> conversation.equals(room) && joined.containsKey(user)
                && !joined.get(user).isAfter(at);
        MediaSettings settings = new MediaSettings("local", directory.toString(), BASE, "upload",
                Duration.ofMinutes(5), new MediaSettings.Limits(1_000_000, 1_000, 1_000, 2_000), 0,
                Duration.ZERO, Duration.ofDays(30), Duration.ofDays(365), null);
        MediaService media = new MediaService(records, store, new MediaUrls(BASE, signer, Duration.ZERO, clock),
                settings, background, clock, members);
        UploadedPdf uploaded = uploadPdf(media);
        MediaService.SlotGrant grant = uploaded.grant();
        MediaFile file = uploaded.file();
        assertThat(status(() -> media.freshUrl(file.fileId(), BOB))).isEqualTo(403);

        media.noteShared(List.of(grant.getUrl()), sharedAt, ALICE, room);
        drain();
        assertThat(records.shares(file.fileId())).containsExactly(new MediaRecords.Share(sharedAt, room));
        assertThat(media.freshUrl(file.fileId(), BOB).url()).contains(file.fileId());
        assertThat(status(() -> media.freshUrl(file.fileId(), "carol@example.org"))).isEqualTo(403);
        assertThat(status(() -> media.freshUrl(file.fileId(), "dave@example.org"))).isEqualTo(403);
    }

    private void drain() throws Exception {
        background.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theCleanUpRemovesDeletedFilesOrphansAndExpiredSlotsButNothingLive() throws Exception {
        MediaService media = service();
        byte[] bytes = "keep me".getBytes(StandardCharsets.UTF_8);
        MediaFile kept = upload(media, media.requestSlot(ALICE, "k.txt", bytes.length, "text/plain").join(),
                "text/plain", bytes);
        MediaFile deleted = upload(media, media.requestSlot(ALICE, "d.txt", bytes.length, "text/plain").join(),
                "text/plain", bytes);
        media.delete(deleted.fileId(), ALICE);
        MediaService.SlotGrant open = media.requestSlot(ALICE, "o.txt", bytes.length, "text/plain").join();
        store.put(BlobKeys.file(fileId(open.getUrl())), body(bytes), bytes.length, "text/plain");
        store.put("files/" + MediaIds.random(), body(bytes), bytes.length, "text/plain");
        MediaCleanup cleanup = new MediaCleanup(database.dataSource(), records, store, Duration.ofMinutes(5), clock);

        MediaCleanup.Report first = cleanup.run();
        assertThat(first.deletedFiles()).isEqualTo(1);
        assertThat(first.orphans()).isEqualTo(1);
        assertThat(store.size(BlobKeys.file(kept.fileId()))).isPresent();
        assertThat(store.size(BlobKeys.file(fileId(open.getUrl())))).isPresent();

        clock.advance(Duration.ofHours(2));
        MediaCleanup.Report later = cleanup.run();
        assertThat(later.expiredSlots()).isEqualTo(1);
        List<String> left = new ArrayList<>();
        store.list("", left::add);
        assertThat(left).containsExactly(BlobKeys.file(kept.fileId()));
    }

    @Test
    void onlyOneNodeCleansUpAtATime() throws Exception {
        MediaCleanup cleanup = new MediaCleanup(database.dataSource(), records, store, Duration.ofMinutes(5), clock);
        store.put("files/" + MediaIds.random(), body(new byte[1]), 1, "text/plain");
        try (var connection = database.dataSource().getConnection();
             var lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext('chatapp-media-cleanup'))")) {
            lock.execute();
            assertThat(cleanup.run()).isEqualTo(new MediaCleanup.Report(0, 0, 0));
        }
        assertThat(cleanup.run().orphans()).isEqualTo(1);
    }
}
