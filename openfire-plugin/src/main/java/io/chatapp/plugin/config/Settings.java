package io.chatapp.plugin.config;

import io.chatapp.plugin.presence.LastSeenVisibility;
import java.util.List;

/**
 * The plugin's settings, read once at start-up from Openfire system properties under {@code chatapp.*}.
 * Each constant is documented in {@code docs/configuration.md}; a test keeps the two in step.
 */
public record Settings(
        String databaseUrl,
        String databaseUsername,
        String databasePassword,
        String databaseSchema,
        int databasePoolSize,
        int databaseConnectionTimeoutMillis,
        String httpBindAddress,
        int httpPort,
        int httpThreads,
        int httpMaxBodyBytes,
        HttpLimits httpLimits,
        AuthSettings auth,
        AccountSettings accounts,
        ArchiveSettings archive,
        ReceiptSettings receipts,
        LastSeenVisibility lastSeenDefault,
        MediaSettings media,
        GroupSettings groups,
        int messageMaxBodyChars,
        int messageMaxIdChars,
        int stanzasPerSecond,
        int stanzaBurst,
        int heapPressurePercent,
        StorySettings stories,
        CallSettings calls,
        PushSettings push) {

    public static final Setting<String> DB_URL = Setting.string("chatapp.db.url",
            "jdbc:postgresql://localhost:5432/chatapp", "JDBC URL of the plugin's PostgreSQL database.");
    public static final Setting<String> DB_USERNAME = Setting.string("chatapp.db.username",
            "chatapp", "Database user.");
    public static final Setting<String> DB_PASSWORD = Setting.string("chatapp.db.password",
            "", "Database password.");
    public static final Setting<String> DB_SCHEMA = Setting.string("chatapp.db.schema",
            "chatapp", "Schema the plugin owns; created and migrated at start-up.");
    public static final Setting<Integer> DB_POOL_SIZE = Setting.integer("chatapp.db.pool.size",
            10, 1, 500, "Maximum number of pooled database connections.");
    public static final Setting<Integer> DB_CONNECTION_TIMEOUT = Setting.integer(
            "chatapp.db.connectionTimeoutMillis", 2000, 250, 60_000,
            "How long a request waits for a database connection before failing (and /health reports 503).");
    public static final Setting<String> HTTP_BIND = Setting.string("chatapp.http.bind",
            "0.0.0.0", "Address the plugin's HTTP server listens on.");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("chatapp.http.port",
            9097, 0, 65535, "Port of the plugin's HTTP server (0 picks a free port). Not 9090: that is the admin"
                    + " console's.");
    public static final Setting<Integer> HTTP_THREADS = Setting.integer("chatapp.http.threads",
            8, 1, 512, "Worker threads of the plugin's HTTP server.");

    private static final java.util.regex.Pattern SCHEMA_NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static final Setting<Integer> HTTP_MAX_BODY = Setting.integer("chatapp.http.maxBodyBytes",
            65_536, 1_024, 10_485_760, "Largest JSON request body the HTTP API accepts; larger ones get 413.");
    public static final Setting<Integer> HTTP_HEADER_TIMEOUT = Setting.integer("chatapp.http.headerTimeoutSeconds",
            10, 1, 300, "Seconds a client has to send a request line and its headers, from their first byte (or"
                    + " from connecting); a slower client is disconnected.");
    public static final Setting<Integer> HTTP_BODY_IDLE_TIMEOUT = Setting.integer(
            "chatapp.http.bodyIdleTimeoutSeconds", 30, 1, 3_600, "Seconds a request body (or a response) may make no"
                    + " progress before the connection is closed; a slow but steady upload or download may take as"
                    + " long as it needs.");
    public static final Setting<Integer> HTTP_KEEP_ALIVE_TIMEOUT = Setting.integer(
            "chatapp.http.keepAliveTimeoutSeconds", 60, 1, 3_600, "Seconds an idle kept-alive connection stays"
                    + " open waiting for its next request.");
    public static final Setting<Integer> HTTP_MAX_HEADER_BYTES = Setting.integer("chatapp.http.maxHeaderBytes",
            16_384, 1_024, 1_048_576, "Largest request line plus headers the HTTP server accepts; larger ones get"
                    + " 431.");
    public static final Setting<Integer> HTTP_MAX_CONNECTIONS_PER_ADDRESS = Setting.integer(
            "chatapp.http.maxConnectionsPerAddress", 128, 1, 100_000, "Open connections one client IP address may"
                    + " have (loopback included); more are refused with 503. Behind a reverse proxy every client"
                    + " shares the proxy's address: allow at least the proxy's upstream connections.");
    public static final Setting<Integer> HTTP_MAX_CONNECTIONS = Setting.integer("chatapp.http.maxConnections",
            1_024, 1, 100_000, "Open connections the HTTP server accepts in all; more are refused with 503.");
    public static final Setting<String> AUTH_ISSUER = Setting.string("chatapp.auth.issuer",
            "chatapp", "The iss claim of access tokens, checked when a token is presented.");
    public static final Setting<String> AUTH_AUDIENCE = Setting.string("chatapp.auth.audience",
            "chatapp", "The aud claim of access tokens, checked when a token is presented.");
    public static final Setting<Integer> AUTH_ACCESS_MINUTES = Setting.integer("chatapp.auth.accessTokenMinutes",
            15, 1, 1440, "Lifetime of an access token (JWT), in minutes.");
    public static final Setting<Integer> AUTH_REFRESH_DAYS = Setting.integer("chatapp.auth.refreshTokenDays",
            30, 1, 365, "Lifetime of a refresh token, in days; each refresh issues a new one.");
    public static final Setting<Integer> AUTH_KEY_ROTATION_DAYS = Setting.integer("chatapp.auth.keyRotationDays",
            30, 1, 3650, "How often the token signing key is replaced; the previous key keeps verifying until the"
                    + " tokens it signed have expired.");

    public static final Setting<Boolean> REGISTRATION_HTTP = Setting.bool("chatapp.registration.http", true,
            "Whether POST /api/v1/accounts creates accounts.");
    public static final Setting<Boolean> REGISTRATION_INBAND = Setting.bool("chatapp.registration.inband", true,
            "Whether XMPP in-band registration (XEP-0077) is allowed; when false the plugin refuses it even if"
                    + " Openfire's register.inband is on.");
    public static final Setting<Integer> REGISTRATION_PER_ADDRESS = Setting.integer(
            "chatapp.registration.perAddressPerHour", 10, 1, 100_000,
            "Registration attempts (HTTP and in-band, successful or not) allowed per client IP address per hour;"
                    + " more get 429. Keeps probing for taken names expensive.");
    public static final Setting<Integer> PASSWORD_MIN_LENGTH = Setting.integer("chatapp.password.minLength",
            8, 6, 128, "Shortest password accepted when registering or changing a password (common passwords are"
                    + " refused whatever their length).");
    public static final Setting<Integer> LOCKOUT_ACCOUNT_ATTEMPTS = Setting.integer(
            "chatapp.lockout.accountAttempts", 5, 1, 10_000,
            "Failed logins of one account (HTTP or XMPP, from any address) before the account is locked.");
    public static final Setting<Integer> LOCKOUT_ADDRESS_ATTEMPTS = Setting.integer(
            "chatapp.lockout.addressAttempts", 30, 1, 100_000,
            "Failed logins from one client IP address (any account) before the address is locked.");
    public static final Setting<Integer> LOCKOUT_FIRST_SECONDS = Setting.integer(
            "chatapp.lockout.firstSeconds", 2, 1, 86_400,
            "Length of the first lock; every further failure after a lock doubles it.");
    public static final Setting<Integer> LOCKOUT_MAX_SECONDS = Setting.integer(
            "chatapp.lockout.maxSeconds", 900, 1, 86_400, "Longest lock of an account or address.");
    public static final Setting<Integer> LOCKOUT_FORGET_MINUTES = Setting.integer(
            "chatapp.lockout.forgetMinutes", 60, 1, 10_080,
            "Failed logins are forgotten after this long without another failure (a successful login clears the"
                    + " account's count at once).");

    public static final Setting<Integer> ARCHIVE_QUEUE_CAPACITY = Setting.integer("chatapp.archive.queueCapacity",
            100_000, 100, 10_000_000, "Messages accepted for the archive but not yet written to the database. When"
                    + " it is full (the database is down or too slow) new messages are refused with"
                    + " resource-constraint rather than delivered unarchived.");
    public static final Setting<Integer> ARCHIVE_BATCH_SIZE = Setting.integer("chatapp.archive.batchSize",
            1_000, 1, 50_000, "Most messages the archive writes to the database in one transaction.");
    public static final Setting<Integer> ARCHIVE_QUERY_THREADS = Setting.integer("chatapp.archive.queryThreads",
            2, 1, 64, "Threads answering archive queries (MAM pages, retractions, message lookups).");
    public static final Setting<Integer> ARCHIVE_MAX_PAGE_SIZE = Setting.integer("chatapp.archive.maxPageSize",
            250, 1, 1_000, "Largest page of messages one MAM query returns; a larger RSM max is lowered to it.");
    public static final Setting<String> ARCHIVE_JOURNAL_DIRECTORY = Setting.string(
            "chatapp.archive.journal.directory", "", "Directory of the archive's write-ahead journal (local to each"
                    + " node); empty means a chatapp-archive-journal directory in Openfire's home.");
    public static final Setting<String> ARCHIVE_JOURNAL_MODE = Setting.string("chatapp.archive.journal.mode",
            "fsync", "How safe a message is when the server acknowledges it (XEP-0198) before its archive batch is"
                    + " committed: fsync (recorded in the journal and synced to disk: survives a killed process and a"
                    + " power loss), write (recorded in the journal: survives a killed process) or off (only in memory:"
                    + " a killed process loses what was not yet committed).");
    public static final Setting<String> RECEIPTS_JOURNAL_DIRECTORY = Setting.string(
            "chatapp.receipts.journal.directory", "", "Directory of the write-ahead journal of delivery receipts and"
                    + " read markers (local to each node); empty means a chatapp-receipts-journal directory in"
                    + " Openfire's home.");
    public static final Setting<String> RECEIPTS_JOURNAL_MODE = Setting.string("chatapp.receipts.journal.mode",
            "fsync", "How safe a delivery receipt or read marker is when the server acknowledges it (XEP-0198) before"
                    + " it is written: fsync (recorded in the receipts' journal and synced to disk: survives a killed"
                    + " process and a power loss), write (recorded in the journal: survives a killed process) or off"
                    + " (only in memory: a killed process loses the receipts not yet written, so a message's status"
                    + " can stay at sent or delivered).");
    public static final Setting<Integer> RETRACTION_WINDOW_HOURS = Setting.integer("chatapp.retraction.windowHours",
            48, 1, 87_600, "How long after sending a message its sender may retract it (delete for everyone).");

    public static final Setting<String> LAST_SEEN_DEFAULT = Setting.string("chatapp.lastSeen.defaultVisibility",
            "contacts", "Who may see a user's last-seen time until the user chooses: everyone, contacts (users who"
                    + " share presence with them) or nobody.");

    public static final Setting<String> MEDIA_STORE = Setting.string("chatapp.media.store", "local",
            "Where uploaded media is stored: local (a directory, see chatapp.media.directory) or s3 (S3-compatible"
                    + " object storage, see chatapp.media.s3.*).");
    public static final Setting<String> MEDIA_DIRECTORY = Setting.string("chatapp.media.directory", "",
            "Root directory of the local media store; empty means a chatapp-media directory in Openfire's home."
                    + " Every node must see the same directory.");
    public static final Setting<String> MEDIA_PUBLIC_URL = Setting.string("chatapp.media.publicUrl", "",
            "Base URL of upload and download URLs as clients reach the plugin's HTTP server (e.g. behind a TLS"
                    + " proxy); empty means http://<xmpp domain>:<chatapp.http.port>.");
    public static final Setting<String> MEDIA_SUBDOMAIN = Setting.string("chatapp.media.subdomain", "upload",
            "Subdomain of the XEP-0363 upload service: upload.<xmpp domain> by default.");
    public static final Setting<Integer> MEDIA_SLOT_MINUTES = Setting.integer("chatapp.media.slotMinutes", 5, 1,
            1_440, "How long an upload slot's PUT URL is valid.");
    public static final Setting<Long> MEDIA_MAX_IMAGE = Setting.longInteger("chatapp.media.maxImageBytes",
            16_777_216L, 1, 1L << 40, "Largest image (image/*) a user may upload, in bytes.");
    public static final Setting<Long> MEDIA_MAX_AUDIO = Setting.longInteger("chatapp.media.maxAudioBytes",
            16_777_216L, 1, 1L << 40, "Largest audio file (audio/*) a user may upload, in bytes.");
    public static final Setting<Long> MEDIA_MAX_VIDEO = Setting.longInteger("chatapp.media.maxVideoBytes",
            67_108_864L, 1, 1L << 40, "Largest video (video/*) a user may upload, in bytes.");
    public static final Setting<Long> MEDIA_MAX_FILE = Setting.longInteger("chatapp.media.maxFileBytes",
            104_857_600L, 1, 1L << 40, "Largest other file a user may upload, in bytes; also the max-file-size the"
                    + " upload service advertises when it is the largest limit.");
    public static final Setting<Long> MEDIA_USER_QUOTA = Setting.longInteger("chatapp.media.userQuotaBytes",
            1_073_741_824L, 0, 1L << 50, "Bytes one user may have stored (files not deleted, plus open slots);"
                    + " 0 means no quota.");
    public static final Setting<Integer> MEDIA_DOWNLOAD_EXPIRY = Setting.integer(
            "chatapp.media.downloadExpiryMinutes", 0, 0, 5_256_000, "How long a download URL is valid; 0 means"
                    + " forever (standard clients keep the URL in history). Fresh URLs come from the token API.");
    public static final Setting<Integer> MEDIA_KEY_ROTATION_DAYS = Setting.integer("chatapp.media.keyRotationDays",
            30, 1, 3_650, "How often the key that signs media URLs is replaced; the previous keys keep verifying"
                    + " the URLs they signed (for chatapp.media.keyRetentionDays).");
    public static final Setting<Integer> MEDIA_KEY_RETENTION_DAYS = Setting.integer(
            "chatapp.media.keyRetentionDays", 36_500, 1, 36_500, "How long a replaced media URL key keeps"
                    + " verifying; download URLs it signed stop working after that (with expiry off, keep it long).");
    public static final Setting<String> GROUPS_SERVICE = Setting.string("chatapp.groups.service", "groups",
            "Subdomain of the MUC service whose rooms are groups, created at start when missing; the plugin keeps every"
                    + " room there private. Not conference: that service stays standard XEP-0045 for other clients.");
    public static final Setting<Integer> GROUPS_MAX_MEMBERS = Setting.integer("chatapp.groups.maxMembers", 1024,
            2, 100_000, "Most members (owner and admins included) a group may have; adding more is refused.");
    public static final Setting<Integer> GROUPS_MAX_IMAGE_BYTES = Setting.integer("chatapp.groups.maxImageBytes",
            262_144, 1_024, 10_485_760, "Largest group image (decoded bytes of the room's vCard PHOTO) accepted;"
                    + " a larger one is refused.");

    public static final Setting<Integer> MESSAGES_MAX_BODY_CHARS = Setting.integer("chatapp.messages.maxBodyChars",
            65_536, 1, 10_485_760, "Most characters (Unicode code points) the bodies of one message may hold"
                    + " together; a longer message is refused with policy-violation, neither delivered nor archived.");

    public static final Setting<Integer> MESSAGES_MAX_ID_CHARS = Setting.integer("chatapp.messages.maxIdChars",
            256, 16, 512, "Most characters a message's id, or the id attribute of any element directly in it (origin-id,"
                    + " receipt, chat marker, retraction, correction, reply, reaction, call proposal), may have; a message"
                    + " with a longer one is refused with policy-violation, neither delivered nor archived.");

    public static final Setting<Integer> XMPP_STANZAS_PER_SECOND = Setting.integer("chatapp.xmpp.stanzasPerSecond",
            500, 1, 1_000_000, "Stanzas one client connection may send per second, sustained; a connection that"
                    + " sends more than this beyond its burst is closed, so one flooding client cannot fill the server's"
                    + " memory with stanzas read but not yet handled.");

    public static final Setting<Integer> XMPP_STANZA_BURST = Setting.integer("chatapp.xmpp.stanzaBurst",
            5_000, 1, 10_000_000, "Stanzas one client connection may send at once above the sustained rate"
                    + " (chatapp.xmpp.stanzasPerSecond) before it is closed.");

    public static final Setting<Integer> XMPP_LOGINS_IN_PROGRESS = Setting.integer(
            "chatapp.xmpp.loginsInProgress", 32, 0, 100_000, "XMPP logins (SASL exchanges, every mechanism) the"
                    + " server runs at once; a login beyond them is refused at once with temporary-auth-failure (try"
                    + " again later) and not counted as a failed login, so that a crowd of clients logging in at once"
                    + " cannot keep Openfire's threads from the users already online. 0 for no limit.");

    public static final Setting<Integer> XMPP_HEAP_PRESSURE_PERCENT = Setting.integer(
            "chatapp.xmpp.heapPressurePercent", 70, 1, 100, "Share of the JVM's maximum heap (the heap in use"
                    + " after the last garbage collection, young or full: what the server holds, not the garbage made"
                    + " since) above which a client connection that sent more than a tenth of"
                    + " chatapp.xmpp.stanzasPerSecond (50 by default) in the last second is closed.");

    public static final Setting<Integer> STORIES_LIFETIME = Setting.integer("chatapp.stories.lifetimeSeconds",
            86_400, 1, 31_536_000, "How long a status story lives after it is posted; at that moment every read path"
                    + " (feed, fetch, view, media URL) stops showing it, and the clean-up then deletes it.");
    public static final Setting<Integer> STORIES_MAX_TEXT = Setting.integer("chatapp.stories.maxTextChars", 700, 1,
            65_536, "Most characters (Unicode code points) of a text story or of a media story's caption; longer"
                    + " ones are refused.");
    public static final Setting<Integer> STORIES_MAX_VIDEO_SECONDS = Setting.integer(
            "chatapp.stories.maxVideoSeconds", 60, 1, 86_400, "Longest play length of a video story, as its MP4/MOV/3GP"
                    + " or Matroska/WebM container states it; a longer video, or one whose length cannot be read, is"
                    + " refused (the upload stays the user's file).");
    public static final Setting<Integer> STORIES_CLEANUP_INTERVAL = Setting.integer(
            "chatapp.stories.cleanupIntervalSeconds", 60, 1, 86_400, "How often expired stories, their views and"
                    + " their media files are deleted (one node at a time when several share the database).");

    public static final Setting<Integer> PUSH_BATCH_MILLIS = Setting.integer("chatapp.push.batchMillis", 300, 0,
            60_000, "How long notifications for one offline device are gathered into one push (XEP-0357 publish);"
                    + " a burst of messages makes one push with their count.");
    public static final Setting<Integer> PUSH_MIN_INTERVAL_MILLIS = Setting.integer("chatapp.push.minIntervalMillis",
            2_000, 0, 3_600_000, "Least time between two pushes to one device; what arrives meanwhile goes in the"
                    + " next one. An incoming call is pushed at once regardless.");
    public static final Setting<Integer> PUSH_MAX_ATTEMPTS = Setting.integer("chatapp.push.maxAttempts", 4, 1, 20,
            "Publishes tried for one push when the app server does not answer or answers with a passing error;"
                    + " then the push is dropped (the device keeps its registration).");
    public static final Setting<Integer> PUSH_RETRY_MILLIS = Setting.integer("chatapp.push.retryMillis", 1_000, 10,
            600_000, "Wait before retrying a failed push; doubled after each further failure.");
    public static final Setting<Integer> PUSH_ANSWER_TIMEOUT = Setting.integer("chatapp.push.answerTimeoutSeconds",
            30, 1, 600, "How long an app server has to answer a publish before it counts as failed (and is retried).");
    public static final Setting<Integer> PUSH_MAX_PUBLISH_OPTIONS = Setting.integer(
            "chatapp.push.maxPublishOptionsBytes", 4_096, 256, 65_536, "Largest publish-options form (as XML) a"
                    + " device may give when enabling push; a larger one is refused with not-acceptable.");
    public static final Setting<Integer> PUSH_MAX_DEVICES = Setting.integer("chatapp.push.maxDevicesPerUser", 20, 1,
            1_000, "Most push registrations (app server and node) one account may have; more are refused with"
                    + " resource-constraint.");
    public static final Setting<Boolean> PUSH_PREVIEWS_DEFAULT = Setting.bool("chatapp.push.previewsDefault", false,
            "Whether pushes carry the message text (last-message-body) for users who have not chosen; each user"
                    + " may change it (urn:chatapp:notifications:0). Text passes through the app server and the"
                    + " phone vendor's push service.");

    public static final Setting<String> PUSH_VAPID_SUBJECT = Setting.string("chatapp.push.vapidSubject", "",
            "Contact URI (mailto: or https:) sent to WebPush services in the VAPID token, so they can reach the"
                    + " operator; empty means mailto:postmaster@<xmpp domain>.");
    public static final Setting<Boolean> PUSH_WEBPUSH_ALLOW_HTTP = Setting.bool("chatapp.push.webPushAllowHttp",
            false, "Whether a device may register a plain http:// WebPush endpoint (tests, a distributor on the same"
                    + " host); otherwise only https:// endpoints are accepted.");

    /** All settings, for documentation checks. */
    public static final List<Setting<?>> ALL = List.of(DB_URL, DB_USERNAME, DB_PASSWORD, DB_SCHEMA,
            DB_POOL_SIZE, DB_CONNECTION_TIMEOUT, HTTP_BIND, HTTP_PORT, HTTP_THREADS, HTTP_MAX_BODY, HTTP_HEADER_TIMEOUT,
            HTTP_BODY_IDLE_TIMEOUT, HTTP_KEEP_ALIVE_TIMEOUT, HTTP_MAX_HEADER_BYTES, HTTP_MAX_CONNECTIONS_PER_ADDRESS,
            HTTP_MAX_CONNECTIONS, AUTH_ISSUER,
            AUTH_AUDIENCE, AUTH_ACCESS_MINUTES, AUTH_REFRESH_DAYS, AUTH_KEY_ROTATION_DAYS, REGISTRATION_HTTP,
            REGISTRATION_INBAND, REGISTRATION_PER_ADDRESS, PASSWORD_MIN_LENGTH, LOCKOUT_ACCOUNT_ATTEMPTS,
            LOCKOUT_ADDRESS_ATTEMPTS, LOCKOUT_FIRST_SECONDS, LOCKOUT_MAX_SECONDS, LOCKOUT_FORGET_MINUTES,
            ARCHIVE_QUEUE_CAPACITY, ARCHIVE_BATCH_SIZE, ARCHIVE_QUERY_THREADS, ARCHIVE_MAX_PAGE_SIZE,
            ARCHIVE_JOURNAL_DIRECTORY, ARCHIVE_JOURNAL_MODE, RECEIPTS_JOURNAL_DIRECTORY, RECEIPTS_JOURNAL_MODE, RETRACTION_WINDOW_HOURS, LAST_SEEN_DEFAULT, MEDIA_STORE, MEDIA_DIRECTORY, MEDIA_PUBLIC_URL,
            MEDIA_SUBDOMAIN, MEDIA_SLOT_MINUTES, MEDIA_MAX_IMAGE, MEDIA_MAX_AUDIO, MEDIA_MAX_VIDEO, MEDIA_MAX_FILE,
            MEDIA_USER_QUOTA, MEDIA_DOWNLOAD_EXPIRY, MEDIA_KEY_ROTATION_DAYS, MEDIA_KEY_RETENTION_DAYS,
            GROUPS_SERVICE, GROUPS_MAX_MEMBERS, GROUPS_MAX_IMAGE_BYTES,
            MESSAGES_MAX_BODY_CHARS, MESSAGES_MAX_ID_CHARS, XMPP_STANZAS_PER_SECOND, XMPP_STANZA_BURST, XMPP_HEAP_PRESSURE_PERCENT,
            XMPP_LOGINS_IN_PROGRESS, STORIES_LIFETIME,
            STORIES_MAX_TEXT, STORIES_MAX_VIDEO_SECONDS,
            STORIES_CLEANUP_INTERVAL, PUSH_BATCH_MILLIS, PUSH_MIN_INTERVAL_MILLIS, PUSH_MAX_ATTEMPTS, PUSH_RETRY_MILLIS,
            PUSH_ANSWER_TIMEOUT, PUSH_MAX_PUBLISH_OPTIONS, PUSH_MAX_DEVICES, PUSH_PREVIEWS_DEFAULT, PUSH_VAPID_SUBJECT,
            PUSH_WEBPUSH_ALLOW_HTTP);

    public static Settings read(SettingsSource source) {
        String schema = DB_SCHEMA.read(source);
        if (!SCHEMA_NAME.matcher(schema).matches() || schema.startsWith("pg_")) {
            throw new InvalidSettingException(DB_SCHEMA.name(), schema,
                    "must be a lower-case SQL identifier (letters, digits, underscore) not starting with pg_");
        }
        return new Settings(
                DB_URL.read(source),
                DB_USERNAME.read(source),
                DB_PASSWORD.read(source),
                schema,
                DB_POOL_SIZE.read(source),
                DB_CONNECTION_TIMEOUT.read(source),
                HTTP_BIND.read(source),
                HTTP_PORT.read(source),
                HTTP_THREADS.read(source),
                HTTP_MAX_BODY.read(source),
                HttpLimits.read(source),
                new AuthSettings(
                        AUTH_ISSUER.read(source),
                        AUTH_AUDIENCE.read(source),
                        java.time.Duration.ofMinutes(AUTH_ACCESS_MINUTES.read(source)),
                        java.time.Duration.ofDays(AUTH_REFRESH_DAYS.read(source)),
                        java.time.Duration.ofDays(AUTH_KEY_ROTATION_DAYS.read(source))),
                new AccountSettings(
                        REGISTRATION_HTTP.read(source),
                        REGISTRATION_INBAND.read(source),
                        REGISTRATION_PER_ADDRESS.read(source),
                        PASSWORD_MIN_LENGTH.read(source),
                        new AccountSettings.LockoutSettings(
                                LOCKOUT_ACCOUNT_ATTEMPTS.read(source),
                                LOCKOUT_ADDRESS_ATTEMPTS.read(source),
                                java.time.Duration.ofSeconds(LOCKOUT_FIRST_SECONDS.read(source)),
                                java.time.Duration.ofSeconds(LOCKOUT_MAX_SECONDS.read(source)),
                                java.time.Duration.ofMinutes(LOCKOUT_FORGET_MINUTES.read(source))),
                        XMPP_LOGINS_IN_PROGRESS.read(source)),
                new ArchiveSettings(
                        ARCHIVE_QUEUE_CAPACITY.read(source),
                        ARCHIVE_BATCH_SIZE.read(source),
                        ARCHIVE_QUERY_THREADS.read(source),
                        ARCHIVE_MAX_PAGE_SIZE.read(source),
                        java.time.Duration.ofHours(RETRACTION_WINDOW_HOURS.read(source)),
                        ARCHIVE_JOURNAL_DIRECTORY.read(source).trim(),
                        ARCHIVE_JOURNAL_MODE.read(source).trim()),
                ReceiptSettings.read(source),
                lastSeenDefault(source),
                MediaSettings.read(source),
                new GroupSettings(GROUPS_SERVICE.read(source), GROUPS_MAX_MEMBERS.read(source),
                        GROUPS_MAX_IMAGE_BYTES.read(source)),
                MESSAGES_MAX_BODY_CHARS.read(source),
                MESSAGES_MAX_ID_CHARS.read(source),
                XMPP_STANZAS_PER_SECOND.read(source),
                XMPP_STANZA_BURST.read(source),
                XMPP_HEAP_PRESSURE_PERCENT.read(source),
                StorySettings.read(source),
                CallSettings.read(source),
                PushSettings.read(source));
    }

    private static LastSeenVisibility lastSeenDefault(SettingsSource source) {
        String value = LAST_SEEN_DEFAULT.read(source);
        return LastSeenVisibility.fromAttribute(value).orElseThrow(() -> new InvalidSettingException(
                LAST_SEEN_DEFAULT.name(), value, "must be everyone, contacts or nobody"));
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "Settings[databaseUrl=" + databaseUrl + ", databaseUsername=" + databaseUsername
                + ", databaseSchema=" + databaseSchema + ", databasePoolSize=" + databasePoolSize
                + ", databaseConnectionTimeoutMillis=" + databaseConnectionTimeoutMillis
                + ", httpBindAddress=" + httpBindAddress + ", httpPort=" + httpPort
                + ", httpThreads=" + httpThreads + ", httpMaxBodyBytes=" + httpMaxBodyBytes
                + ", httpLimits=" + httpLimits + ", auth=" + auth + ", accounts=" + accounts
                + ", archive=" + archive + ", receipts=" + receipts + ", lastSeenDefault=" + lastSeenDefault + ", media=" + media + ", groups=" + groups
                + ", messageMaxBodyChars=" + messageMaxBodyChars + ", messageMaxIdChars=" + messageMaxIdChars
                + ", stanzasPerSecond=" + stanzasPerSecond
                + ", stanzaBurst=" + stanzaBurst + ", heapPressurePercent=" + heapPressurePercent
                + ", stories=" + stories + ", calls=" + calls
                + ", push=" + push + "]";
    }
}
