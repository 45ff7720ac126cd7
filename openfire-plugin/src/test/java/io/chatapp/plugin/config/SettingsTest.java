package io.chatapp.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.presence.LastSeenVisibility;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static Settings read(Map<String, String> values) {
        return Settings.read(SettingsSource.of(values));
    }

    private static Settings readOne(String name, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(name, value);
        return read(values);
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        Settings settings = read(Map.of());

        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://localhost:5432/chatapp");
        assertThat(settings.databaseUsername()).isEqualTo("chatapp");
        assertThat(settings.databasePassword()).isEmpty();
        assertThat(settings.databaseSchema()).isEqualTo("chatapp");
        assertThat(settings.databasePoolSize()).isEqualTo(10);
        assertThat(settings.httpBindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.httpPort()).isEqualTo(9097);
        assertThat(settings.httpThreads()).isEqualTo(8);
    }

    @Test
    void defaultsMatchTheDeclaredSettings() {
        Settings settings = read(Map.of());

        assertThat(settings.databaseUrl()).isEqualTo(Settings.DB_URL.defaultValue());
        assertThat(settings.databaseUsername()).isEqualTo(Settings.DB_USERNAME.defaultValue());
        assertThat(settings.databasePassword()).isEqualTo(Settings.DB_PASSWORD.defaultValue());
        assertThat(settings.databaseSchema()).isEqualTo(Settings.DB_SCHEMA.defaultValue());
        assertThat(settings.databasePoolSize()).isEqualTo(Settings.DB_POOL_SIZE.defaultValue());
        assertThat(settings.httpBindAddress()).isEqualTo(Settings.HTTP_BIND.defaultValue());
        assertThat(settings.httpPort()).isEqualTo(Settings.HTTP_PORT.defaultValue());
        assertThat(settings.httpThreads()).isEqualTo(Settings.HTTP_THREADS.defaultValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "  \n "})
    void blankValuesMeanTheDefault(String blank) {
        Map<String, String> values = new HashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            values.put(setting.name(), blank);
        }

        assertThat(read(values)).isEqualTo(read(Map.of()));
    }

    @Test
    void everySettingIsListedOnceUnderTheChatappPrefix() {
        assertThat(Settings.ALL).extracting(Setting::name)
                .doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("chatapp."))
                // one setting per component, the nested auth record counting its own components
                .hasSize(Settings.class.getRecordComponents().length - 9
                        + HttpLimits.class.getRecordComponents().length
                        + AuthSettings.class.getRecordComponents().length
                        + AccountSettings.class.getRecordComponents().length - 1
                        + AccountSettings.LockoutSettings.class.getRecordComponents().length
                        + ArchiveSettings.class.getRecordComponents().length
                        + ReceiptSettings.class.getRecordComponents().length
                        + MediaSettings.class.getRecordComponents().length - 2
                        + MediaSettings.Limits.class.getRecordComponents().length
                        + GroupSettings.class.getRecordComponents().length
                        + StorySettings.class.getRecordComponents().length - 1
                        + PushSettings.class.getRecordComponents().length);
        assertThat(Settings.ALL).allSatisfy(setting -> assertThat(setting.description()).isNotBlank());
    }

    @Test
    void readsEveryValueGiven() {
        Settings settings = read(Map.of(
                "chatapp.db.url", "jdbc:postgresql://db.example:6543/chat",
                "chatapp.db.username", "alice",
                "chatapp.db.password", "p@ss word",
                "chatapp.db.schema", "chat_v2",
                "chatapp.db.pool.size", "25",
                "chatapp.db.connectionTimeoutMillis", "3000",
                "chatapp.http.bind", "127.0.0.1",
                "chatapp.http.port", "8443",
                "chatapp.http.threads", "16"));

        assertThat(settings).isEqualTo(new Settings("jdbc:postgresql://db.example:6543/chat", "alice", "p@ss word",
                "chat_v2", 25, 3000, "127.0.0.1", 8443, 16, 65_536, HttpLimits.defaults(), new AuthSettings("chatapp", "chatapp",
                        Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(30)),
                new AccountSettings(true, true, 10, 8, new AccountSettings.LockoutSettings(5, 30,
                        Duration.ofSeconds(2), Duration.ofSeconds(900), Duration.ofMinutes(60)), 32),
                new ArchiveSettings(100_000, 1_000, 2, 250, Duration.ofHours(48), "", "fsync"),
                new ReceiptSettings("", "fsync"), LastSeenVisibility.CONTACTS,
                read(Map.of()).media(), GroupSettings.defaults(), 65_536, 256, 500, 5_000, 70,
                StorySettings.defaults(), CallSettings.defaults(), PushSettings.defaults()));
    }

    @Test
    void readsCallSettingsWithStunDefaultingToTurn() {
        CallSettings calls = read(Map.of("chatapp.calls.turn.host", "turn.example", "chatapp.calls.turn.port", "3479",
                "chatapp.calls.turn.secret", "s3cret")).calls();
        assertThat(calls.offersTurn()).isTrue();
        assertThat(calls.stunHost()).isEqualTo("turn.example");
        assertThat(calls.stunPort()).isEqualTo(3479);
        assertThat(calls.credentialLifetime()).isEqualTo(Duration.ofDays(1));
        assertThat(calls.toString()).doesNotContain("s3cret");
        assertThat(CallSettings.defaults().offersTurn()).isFalse();
        assertThat(read(Map.of("chatapp.calls.stun.host", "stun.example", "chatapp.calls.stun.port", "19302"))
                .calls()).extracting(CallSettings::stunHost, CallSettings::stunPort, CallSettings::offersTurn)
                .containsExactly("stun.example", 19302, false);
    }

    @Test
    void readsHttpLimits() {
        assertThat(read(Map.of("chatapp.http.headerTimeoutSeconds", "5", "chatapp.http.bodyIdleTimeoutSeconds", "7",
                "chatapp.http.keepAliveTimeoutSeconds", "9", "chatapp.http.maxHeaderBytes", "4096",
                "chatapp.http.maxConnectionsPerAddress", "3", "chatapp.http.maxConnections", "20")).httpLimits())
                .isEqualTo(new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(7), Duration.ofSeconds(9), 4096,
                        3, 20));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(Map.of("chatapp.http.headerTimeoutSeconds",
                "0"))).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void readsGroupSettings() {
        assertThat(read(Map.of("chatapp.groups.service", "groups", "chatapp.groups.maxMembers", "50")).groups())
                .isEqualTo(new GroupSettings("groups", 50, 262_144));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(Map.of("chatapp.groups.maxMembers", "1")))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void readsTheLastSeenDefaultAndRefusesAnUnknownOne() {
        assertThat(read(Map.of("chatapp.lastSeen.defaultVisibility", "nobody")).lastSeenDefault())
                .isEqualTo(LastSeenVisibility.NOBODY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(Map.of("chatapp.lastSeen.defaultVisibility",
                "friends"))).isInstanceOf(InvalidSettingException.class).hasMessageContaining("friends");
    }

    @Test
    void readsMediaSettingsAndRefusesAnUnknownStore() {
        MediaSettings media = read(Map.of(
                "chatapp.media.store", "S3",
                "chatapp.media.publicUrl", "https://media.example/",
                "chatapp.media.maxVideoBytes", "5000000000",
                "chatapp.media.userQuotaBytes", "0",
                "chatapp.media.s3.accessKey", "AKIDEXAMPLE",
                "chatapp.media.s3.secretKey", "very-secret")).media();

        assertThat(media.store()).isEqualTo("s3");
        assertThat(media.publicUrl()).isEqualTo("https://media.example");
        assertThat(media.limits().videoBytes()).isEqualTo(5_000_000_000L);
        assertThat(media.limits().largest()).isEqualTo(5_000_000_000L);
        assertThat(media.userQuotaBytes()).isZero();
        assertThat(media.toString()).doesNotContain("very-secret");
        MediaSettings defaults = read(Map.of()).media();
        assertThat(defaults.limits()).isEqualTo(new MediaSettings.Limits(16L << 20, 16L << 20, 64L << 20,
                100L << 20));
        assertThat(defaults.slotLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.downloadExpiry()).isZero();
        assertThat(defaults.subdomain()).isEqualTo("upload");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(Map.of("chatapp.media.store", "ftp")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("ftp");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(Map.of("chatapp.media.publicUrl",
                "media.example"))).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void readsArchiveSettings() {
        ArchiveSettings archive = read(Map.of(
                "chatapp.archive.queueCapacity", "5000",
                "chatapp.archive.batchSize", "200",
                "chatapp.archive.queryThreads", "4",
                "chatapp.archive.maxPageSize", "100",
                "chatapp.retraction.windowHours", "24",
                "chatapp.archive.journal.directory", "/var/lib/chatapp/journal",
                "chatapp.archive.journal.mode", "write")).archive();

        assertThat(archive).isEqualTo(new ArchiveSettings(5000, 200, 4, 100, Duration.ofHours(24),
                "/var/lib/chatapp/journal", "write"));
        assertThat(archive.journaled()).isTrue();
        assertThat(read(Map.of()).archive().journaled()).as("no directory: Openfire's home is given by the plugin")
                .isFalse();
        assertThatThrownBy(() -> read(Map.of("chatapp.archive.journal.mode", "sometimes")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("chatapp.archive.journal.mode");
        assertThat(ArchiveSettings.defaults()).isEqualTo(read(Map.of()).archive());
        assertThat(read(Map.of("chatapp.receipts.journal.directory", "/var/lib/chatapp/receipts",
                "chatapp.receipts.journal.mode", "write")).receipts())
                .isEqualTo(new ReceiptSettings("/var/lib/chatapp/receipts", "write"))
                .satisfies(receipts -> assertThat(receipts.journaled()).isTrue());
        assertThat(read(Map.of("chatapp.receipts.journal.directory", "/x", "chatapp.receipts.journal.mode", "off"))
                .receipts().journaled()).isFalse();
        assertThatThrownBy(() -> read(Map.of("chatapp.receipts.journal.mode", "never")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("chatapp.receipts.journal.mode");
        assertThat(read(Map.of()).toString()).contains("archive=ArchiveSettings[queueCapacity=100000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatapp.archive.queueCapacity=99", "chatapp.archive.batchSize=0",
            "chatapp.archive.queryThreads=65", "chatapp.archive.maxPageSize=1001", "chatapp.retraction.windowHours=0"})
    void rejectsArchiveSettingsOutOfRange(String assignment) {
        String[] parts = assignment.split("=");

        assertThatThrownBy(() -> readOne(parts[0], parts[1])).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(parts[0]);
    }

    @Test
    void readsAccountSettings() {
        AccountSettings accounts = read(Map.of(
                "chatapp.registration.http", "false",
                "chatapp.registration.inband", "0",
                "chatapp.registration.perAddressPerHour", "3",
                "chatapp.password.minLength", "12",
                "chatapp.lockout.accountAttempts", "7",
                "chatapp.lockout.addressAttempts", "70",
                "chatapp.lockout.firstSeconds", "5",
                "chatapp.lockout.maxSeconds", "60",
                "chatapp.lockout.forgetMinutes", "10",
                "chatapp.xmpp.loginsInProgress", "0")).accounts();

        assertThat(accounts).isEqualTo(new AccountSettings(false, false, 3, 12, new AccountSettings.LockoutSettings(
                7, 70, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10)), 0));
    }

    @Test
    void integersAreTrimmed() {
        assertThat(readOne("chatapp.http.port", " 8080 ").httpPort()).isEqualTo(8080);
        assertThat(readOne("chatapp.db.pool.size", "\t7\n").databasePoolSize()).isEqualTo(7);
    }

    @Test
    void integerBoundsAreInclusive() {
        assertThat(readOne("chatapp.http.port", "0").httpPort()).isZero();
        assertThat(readOne("chatapp.http.port", "65535").httpPort()).isEqualTo(65535);
        assertThat(readOne("chatapp.db.pool.size", "1").databasePoolSize()).isEqualTo(1);
        assertThat(readOne("chatapp.db.pool.size", "500").databasePoolSize()).isEqualTo(500);
        assertThat(readOne("chatapp.http.threads", "1").httpThreads()).isEqualTo(1);
        assertThat(readOne("chatapp.http.threads", "512").httpThreads()).isEqualTo(512);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatapp.http.port=-1", "chatapp.http.port=65536", "chatapp.db.pool.size=0",
            "chatapp.db.pool.size=501", "chatapp.http.threads=0", "chatapp.http.threads=513",
            "chatapp.http.port=99999999999"})
    void outOfRangeIntegersAreRejectedNamingTheProperty(String assignment) {
        String name = assignment.substring(0, assignment.indexOf('='));
        String value = assignment.substring(assignment.indexOf('=') + 1);

        assertThatThrownBy(() -> readOne(name, value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(value);
    }

    @Test
    void rangeErrorsSayWhatIsAllowed() {
        assertThatThrownBy(() -> readOne("chatapp.http.port", "70000"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("between 0 and 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "1.5", "0x10", "ten", "--1"})
    void malformedIntegersAreRejectedNamingTheProperty(String value) {
        assertThatThrownBy(() -> readOne("chatapp.http.threads", value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.http.threads");
    }

    @Test
    void booleansAcceptTrueFalseOneAndZeroInAnyCase() {
        Setting<Boolean> flag = Setting.bool("chatapp.test.flag", false, "A flag.");

        assertThat(flag.read(SettingsSource.of(Map.of("chatapp.test.flag", "true")))).isTrue();
        assertThat(flag.read(SettingsSource.of(Map.of("chatapp.test.flag", " TRUE ")))).isTrue();
        assertThat(flag.read(SettingsSource.of(Map.of("chatapp.test.flag", "1")))).isTrue();
        assertThat(flag.read(SettingsSource.of(Map.of("chatapp.test.flag", "False")))).isFalse();
        assertThat(flag.read(SettingsSource.of(Map.of("chatapp.test.flag", "0")))).isFalse();
    }

    @Test
    void booleansDefaultWhenUnsetOrBlank() {
        Setting<Boolean> on = Setting.bool("chatapp.test.on", true, "On by default.");

        assertThat(on.read(SettingsSource.of(Map.of()))).isTrue();
        assertThat(on.read(SettingsSource.of(Map.of("chatapp.test.on", "  ")))).isTrue();
        assertThat(on.defaultValue()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "2", "tru", "truee"})
    void malformedBooleansAreRejectedNamingTheProperty(String value) {
        Setting<Boolean> flag = Setting.bool("chatapp.test.flag", false, "A flag.");

        assertThatThrownBy(() -> flag.read(SettingsSource.of(Map.of("chatapp.test.flag", value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.test.flag")
                .hasMessageContaining("true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public; drop table x", "Chat", "CHATAPP", "1chat", "chat-app", "chat app",
            "chat.app", "\"chatapp\"", "chät", "a23456789012345678901234567890123456789012345678901234567890123x"})
    void invalidSchemaNamesAreRejectedNamingTheProperty(String schema) {
        assertThatThrownBy(() -> readOne("chatapp.db.schema", schema))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.db.schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatapp", "_private", "chat_app_2", "a",
            "a23456789012345678901234567890123456789012345678901234567890123"})
    void plainLowerCaseIdentifiersAreValidSchemaNames(String schema) {
        assertThat(readOne("chatapp.db.schema", schema).databaseSchema()).isEqualTo(schema);
    }

    @Test
    void toStringNeverContainsThePassword() {
        String password = "Hunter2-very-secret";
        Settings settings = read(Map.of("chatapp.db.password", password, "chatapp.db.username", "bob"));

        assertThat(settings.toString())
                .doesNotContain(password)
                .doesNotContainIgnoringCase("password")
                .contains("bob")
                .contains("chatapp");
    }
}
