package io.chatapp.plugin;

import io.chatapp.plugin.accounts.AccountDirectory;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.presence.LastSeenService;
import io.chatapp.plugin.receipts.ArchiveLookup;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import io.chatapp.plugin.accounts.AccountRoutes;
import io.chatapp.plugin.accounts.AccountService;
import io.chatapp.plugin.accounts.AddressRateLimiter;
import io.chatapp.plugin.accounts.AdminRoutes;
import io.chatapp.plugin.auth.AccessTokens;
import io.chatapp.plugin.auth.LoginGuard;
import io.chatapp.plugin.auth.Accounts;
import io.chatapp.plugin.auth.RefreshTokens;
import io.chatapp.plugin.auth.RevokedAccessTokens;
import io.chatapp.plugin.auth.SigningKeys;
import io.chatapp.plugin.auth.TokenRoutes;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.config.AuthSettings;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.http.JsonRequests;
import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.media.BlobStore;
import io.chatapp.plugin.media.BlobStores;
import io.chatapp.plugin.media.MediaCleanup;
import io.chatapp.plugin.media.MediaRecords;
import io.chatapp.plugin.media.MediaRoutes;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.media.ShareAudience;
import io.chatapp.plugin.media.MediaUrls;
import io.chatapp.plugin.media.UrlSigner;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.chatapp.plugin.health.HealthRoute;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.xmpp.BodyLimit;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.xmpp.BodyLimit;
import io.chatapp.plugin.storage.PluginNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the plugin runs, independent of Openfire: storage, a scheduler, tokens, the HTTP API, and (in later
 * features) the services behind them. {@link #start} opens parts in order and {@link #close} closes them in exactly the
 * reverse order, so a plugin reload leaks nothing; a failure half-way through closes what was already open.
 */
public final class ChatAppServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAppServer.class);

    private final Deque<AutoCloseable> opened;
    private final Database database;
    private final HttpApiServer http;
    private final TokenService tokens;
    private final AccountParts accounts;
    private final Messaging messaging;
    private final Media media;
    private final GroupService groups;
    private final ScheduledExecutorService scheduler;
    private final String version;

    private ChatAppServer(Deque<AutoCloseable> opened, Database database, HttpApiServer http, TokenService tokens,
                          AccountParts accounts, Messaging messaging, Media media, GroupService groups,
                          ScheduledExecutorService scheduler, String version) {
        this.opened = opened;
        this.database = database;
        this.http = http;
        this.tokens = tokens;
        this.accounts = accounts;
        this.messaging = messaging;
        this.media = media;
        this.groups = groups;
        this.scheduler = scheduler;
        this.version = version;
    }

    public static ChatAppServer start(Settings settings, String nodeId, Accounts accounts) {
        String version = pluginVersion();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Database database = push(opened, Database.open(settings));
            new PluginNodes(database.dataSource()).register(nodeId, version);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    DaemonThreads.named("chatapp-scheduler"));
            push(opened, () -> shutDown(scheduler));

            Clock clock = Clock.systemUTC();
            AccountDirectory directory = new AccountDirectory(database.dataSource(), clock);
            directory.reload();
            // Logins noted since the last flush are written before the database closes.
            push(opened, directory::flushLogins);
            LoginGuard guard = new LoginGuard(settings.accounts().lockout(), clock);
            Tokens tokens = tokens(settings.auth(), database, accounts, directory, guard, scheduler, clock);
            AddressRateLimiter registrations = new AddressRateLimiter(settings.accounts().registrationsPerAddress(),
                    Duration.ofHours(1), clock);
            AccountService accountService = new AccountService(accounts, directory, tokens.service(), guard,
                    registrations, settings.accounts());
            scheduleAccountUpkeep(scheduler, directory, guard, registrations, settings.auth());

            Messaging messaging = messaging(settings, database, scheduler, clock, opened);
            accountService.onDeletion(messaging.lastSeen()::remove);
            GroupService groups = push(opened, GroupService.start(database.dataSource(), settings.groups(), clock));

            MediaParts mediaParts = mediaParts(settings.media(), opened);
            HttpApiServer http = push(opened, new HttpApiServer(settings.httpBindAddress(), settings.httpPort(),
                    settings.httpThreads(), settings.httpLimits()));
            JsonRequests json = new JsonRequests(settings.httpMaxBodyBytes());
            http.route("GET", "/health", new HealthRoute(version, nodeId, database));
            new TokenRoutes(tokens.service(), tokens.keys(), json).register(http);
            new AccountRoutes(accountService, tokens.service(), json, accounts.domain()).register(http);
            new AdminRoutes(accountService, tokens.service()).register(http);
            Media media = media(mediaParts, database, http.port(), accounts.domain(), scheduler, clock,
                    groups::joinedBy);
            new MediaRoutes(media.service(), tokens.service()).register(http);
            http.start();

            LOG.info("chat-app {} started on node {} with {}", version, nodeId, settings);
            return new ChatAppServer(opened, database, http, tokens.service(),
                    new AccountParts(accountService, directory, guard), messaging, media, groups, scheduler,
                    version);
        } catch (IOException | SQLException | RuntimeException e) {
            closeAll(opened);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("chat-app could not start: " + e.getMessage(), e);
        }
    }

    private record Tokens(TokenService service, SigningKeys keys) {
    }

    /** What the XMPP side (the adapter) needs of accounts: their service, their state and the login guard. */
    public record AccountParts(AccountService service, AccountDirectory directory, LoginGuard guard) {
    }

    /** What the XMPP side needs for messaging: the archive, receipts, message info, last seen, the body limit. */
    public record Messaging(MessageArchive archive, ReceiptRecorder receipts, MessageInfoService messageInfo,
                            LastSeenService lastSeen, ArchiveSettings settings, BodyLimit bodyLimit) {
    }

    /**
     * The archive opens first and closes last: receipts wait for the archive's writes, and closing drains each
     * writer (everything accepted is written) before the database closes.
     */
    private static Messaging messaging(Settings settings, Database database, ScheduledExecutorService scheduler,
                                       Clock clock, Deque<AutoCloseable> opened) throws SQLException {
        MessageArchive archive = push(opened, MessageArchive.start(database.dataSource(), settings.archive(),
                clock));
        ArchiveLookup lookup = ArchiveLookup.of(archive);
        ReceiptRecorder receipts = push(opened, ReceiptRecorder.start(database.dataSource(), lookup, clock));
        MessageInfoService messageInfo = new MessageInfoService(database.dataSource(), lookup, archive.queries(),
                receipts::flushed);
        LastSeenService lastSeen = new LastSeenService(database.dataSource(), settings.lastSeenDefault(),
                archive.queries(), clock);
        lastSeen.reload();
        push(opened, lastSeen::flush);
        every(scheduler, Duration.ofSeconds(5), "record last seen", lastSeen::flush);
        every(scheduler, Duration.ofSeconds(10), "reload last-seen visibility", lastSeen::reload);
        return new Messaging(archive, receipts, messageInfo, lastSeen, settings.archive(),
                new BodyLimit(settings.messageMaxBodyChars()));
    }

    /** What the XMPP side needs for media: the service and its settings (the upload component's subdomain). */
    public record Media(MediaService service, MediaSettings settings) {
    }

    /** The media parts that hold resources: the store and the threads that answer the XMPP side. */
    private record MediaParts(MediaSettings settings, BlobStore store, ExecutorService background) {
    }

    /**
     * The store and background threads open before the HTTP server (and so close after it: no download in flight
     * finds its store closed); the service itself needs the server's port for its default public URL.
     */
    private static MediaParts mediaParts(MediaSettings configured, Deque<AutoCloseable> opened)
            throws IOException {
        MediaSettings settings = configured.resolved(
                Path.of(System.getProperty("java.io.tmpdir"), "chatapp-media").toString(), "");
        if (configured.directory().isEmpty() && settings.store().equals("local")) {
            LOG.warn("chatapp.media.directory is not set: media is stored in {}", settings.directory());
        }
        BlobStore store = push(opened, BlobStores.open(settings));
        ThreadPoolExecutor background = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), DaemonThreads.named("chatapp-media"));
        push(opened, () -> {
            background.shutdown();
            background.awaitTermination(5, TimeUnit.SECONDS);
        });
        return new MediaParts(settings, store, background);
    }

    private static Media media(MediaParts parts, Database database, int httpPort, String domain,
                               ScheduledExecutorService scheduler, Clock clock, ShareAudience audience) {
        MediaSettings settings = parts.settings().resolved(parts.settings().directory(),
                "http://" + domain + ":" + httpPort);
        UrlSigner signer = new UrlSigner(database.dataSource(), settings.keyRotation(), settings.keyRetention(),
                clock);
        signer.sign("");
        MediaRecords records = new MediaRecords(database.dataSource());
        MediaService service = new MediaService(records, parts.store(), new MediaUrls(settings.publicUrl(), signer,
                settings.downloadExpiry(), clock), settings, parts.background(), clock, audience);
        MediaCleanup cleanup = new MediaCleanup(database.dataSource(), records, parts.store(),
                settings.slotLifetime(), clock);
        every(scheduler, Duration.ofMinutes(10), "clean up media", cleanup::run);
        return new Media(service, settings);
    }

    private static void scheduleAccountUpkeep(ScheduledExecutorService scheduler, AccountDirectory directory,
                                              LoginGuard guard, AddressRateLimiter registrations, AuthSettings auth) {
        // Disabled accounts and token cut-offs set on other nodes take effect here within this period.
        every(scheduler, Duration.ofSeconds(10), "reload account states", directory::reload);
        every(scheduler, Duration.ofSeconds(5), "record logins", directory::flushLogins);
        every(scheduler, Duration.ofMinutes(1), "forget old login failures", () -> {
            guard.forgetOld();
            registrations.forgetOld();
        });
        // A deleted account's tombstone is needed only while its access tokens could still be valid.
        Duration tombstoneAge = auth.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW).plusMinutes(1);
        every(scheduler, Duration.ofMinutes(10), "purge deleted accounts", () -> directory.purgeTombstones(
                tombstoneAge));
    }

    /** A periodic job whose failure is logged and retried next period, never fatal to the scheduler. */
    @FunctionalInterface
    private interface Job {
        void run() throws Exception;
    }

    private static void every(ScheduledExecutorService scheduler, Duration period, String what, Job job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (Exception e) {
                LOG.warn("Could not {}: {}", what, e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Tokens tokens(AuthSettings auth, Database database, Accounts accounts, AccountDirectory directory,
                                 LoginGuard guard, ScheduledExecutorService scheduler, Clock clock)
            throws SQLException {
        // A retired key keeps verifying for as long as the tokens it signed can live.
        SigningKeys keys = new SigningKeys(database.dataSource(), auth.keyRotation(),
                auth.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), clock);
        keys.current();
        RevokedAccessTokens revoked = new RevokedAccessTokens(database.dataSource(), clock);
        revoked.reload();
        // Other nodes' logouts reach this node within this period.
        every(scheduler, Duration.ofSeconds(10), "reload revoked tokens", revoked::reload);
        TokenService service = new TokenService(accounts, new AccessTokens(keys, auth, clock),
                new RefreshTokens(database.dataSource(), auth.refreshTokenLifetime(), clock), revoked,
                auth.refreshTokenLifetime(), directory, guard);
        return new Tokens(service, keys);
    }

    private static void shutDown(ScheduledExecutorService scheduler) throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T part) {
        opened.push(part);
        return part;
    }

    public Database database() {
        return database;
    }

    /** Token verification, for the XMPP login mechanisms the adapter installs. */
    public TokenService tokens() {
        return tokens;
    }

    /** Accounts, for the XMPP side: registration rules, account state and the login guard. */
    public AccountParts accounts() {
        return accounts;
    }

    /** Messaging, for the XMPP side: archive, receipts, message info, last seen. */
    public Messaging messaging() {
        return messaging;
    }

    /** Media, for the XMPP side: upload slots, shares and revocation. */
    public Media media() {
        return media;
    }

    /** Groups, for the XMPP side: rules and membership of the group rooms. */
    public GroupService groups() {
        return groups;
    }

    /** Runs work off the caller's thread (e.g. database writes an Openfire packet thread must not wait for). */
    public java.util.concurrent.Executor background() {
        return scheduler;
    }

    public int httpPort() {
        return http.port();
    }

    public String version() {
        return version;
    }

    @Override
    public void close() {
        closeAll(opened);
        LOG.info("chat-app {} stopped", version);
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            AutoCloseable part = opened.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }

    static String pluginVersion() {
        try (InputStream in = ChatAppServer.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
