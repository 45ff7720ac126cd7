package io.chatapp.plugin.stories;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.StorySettings;
import io.chatapp.plugin.media.FileGrants;
import io.chatapp.plugin.media.MediaService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Status stories: the service and its threads, the HTTP routes, the clean-up job, and the media hook that lets
 * audience members fetch a live story's file. Provides {@link StoryService} and {@link StoryThreads}. Rosters and
 * events come from the binding ({@code stories.openfire}), which constructs this feature with them.
 */
public final class StoriesFeature implements Feature {

    private final Contacts contacts;
    private final StoryEvents events;

    public StoriesFeature(Contacts contacts, StoryEvents events) {
        this.contacts = contacts;
        this.events = events;
    }

    @Override
    public String name() {
        return "stories";
    }

    @Override
    public void start(FeatureContext context) {
        StorySettings settings = context.settings().stories();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), DaemonThreads.named("chatapp-stories"));
        context.closer().onClose(() -> {
            threads.shutdown();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        });
        MediaService media = context.services().get(MediaService.class);
        StoryStore store = new StoryStore(context.database().dataSource());
        StoryService service = new StoryService(store, StoryFiles.of(media), contacts, events, settings,
                context.clock());
        FileGrants grants = service::grantsFile;
        media.grantVia(grants);
        context.closer().onClose(() -> media.stopGrantingVia(grants));
        StoryCleanup cleanup = new StoryCleanup(context.database().dataSource(), store, service, context.clock());
        context.jobs().every(settings.cleanupInterval(), "clean up expired stories", cleanup::run);
        new StoryRoutes(service, context.services().get(TokenService.class), context.json()).register(context.http());
        context.services().provide(StoryService.class, service);
        context.services().provide(StoryThreads.class, new StoryThreads(threads));
    }

    /** The feature's threads, where the binding runs the service's blocking work. */
    public record StoryThreads(ExecutorService executor) {
    }
}
