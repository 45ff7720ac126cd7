package io.chatapp.plugin.media;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.groups.GroupService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media sharing: the store, the media service and its threads, the upload and download routes, the clean-up job.
 * Provides {@link MediaService} and the resolved {@link MediaSettings}. Its Openfire binding ({@code media.openfire})
 * is the XEP-0363 upload service. The store and threads close after the HTTP server, so no transfer in flight finds
 * them closed.
 */
public final class MediaFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFeature.class);

    @Override
    public String name() {
        return "media";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        MediaSettings configured = context.settings().media();
        MediaSettings settings = configured.resolved(
                Path.of(System.getProperty("java.io.tmpdir"), "chatapp-media").toString(),
                "http://" + context.domain() + ":" + context.http().port());
        if (configured.directory().isEmpty() && settings.store().equals("local")) {
            LOG.warn("chatapp.media.directory is not set: media is stored in {}", settings.directory());
        }
        BlobStore store = context.closer().open(BlobStores.open(settings));
        ThreadPoolExecutor background = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), DaemonThreads.named("chatapp-media"));
        context.closer().onClose(() -> {
            background.shutdown();
            background.awaitTermination(5, TimeUnit.SECONDS);
        });

        UrlSigner signer = new UrlSigner(context.database().dataSource(), settings.keyRotation(),
                settings.keyRetention(), context.clock());
        signer.sign("");
        MediaRecords records = new MediaRecords(context.database().dataSource());
        GroupService groups = context.services().get(GroupService.class);
        MediaService service = new MediaService(records, store, new MediaUrls(settings.publicUrl(), signer,
                settings.downloadExpiry(), context.clock()), settings, background, context.clock(), groups::joinedBy);
        MediaCleanup cleanup = new MediaCleanup(context.database().dataSource(), records, store,
                settings.slotLifetime(), context.clock());
        context.jobs().every(Duration.ofMinutes(10), "clean up media", cleanup::run);
        new MediaRoutes(service, context.services().get(TokenService.class)).register(context.http());

        context.services().provide(MediaService.class, service);
        context.services().provide(MediaSettings.class, settings);
    }
}
