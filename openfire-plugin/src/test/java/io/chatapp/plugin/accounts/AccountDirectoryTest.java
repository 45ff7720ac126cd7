package io.chatapp.plugin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin's account records against a real PostgreSQL; two directories on one database act as two nodes. */
class AccountDirectoryTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final MutableClock clock = new MutableClock(START.plusMillis(700));
    private Database database;
    private AccountDirectory directory;
    private AccountDirectory otherNode;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("accounts_" + System.nanoTime()));
        directory = new AccountDirectory(database.dataSource(), clock);
        otherNode = new AccountDirectory(database.dataSource(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void unknownAccountsAreEnabledWithoutCutOff() throws Exception {
        assertThat(directory.isDisabled("alice")).isFalse();
        assertThat(directory.tokensValidAfter("alice")).isEqualTo(Instant.MIN);
        assertThat(directory.find("alice")).isEmpty();
    }

    @Test
    void registeredRecordsTheAccountWithoutACutOff() throws Exception {
        directory.registered("alice");
        AccountRecord alice = directory.find("alice").orElseThrow();
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.registeredAt()).isEqualTo(START);
        assertThat(alice.firstSeenAt()).isEqualTo(START);
        assertThat(alice.lastLoginAt()).isNull();
        assertThat(alice.disabled()).isFalse();
        assertThat(directory.tokensValidAfter("alice")).as("a new account has no old tokens").isEqualTo(Instant.MIN);
    }

    @Test
    void disableMarksTheAccountAndCutsOffItsTokens() throws Exception {
        directory.registered("alice");
        clock.advance(Duration.ofMinutes(5));
        directory.disable("alice");

        assertThat(directory.isDisabled("alice")).isTrue();
        assertThat(directory.isDisabled("bob")).isFalse();
        assertThat(directory.tokensValidAfter("alice")).as("rounded up to the next whole second, like token iat")
                .isEqualTo(START.plus(Duration.ofMinutes(5)).plusSeconds(1));
        AccountRecord alice = directory.find("alice").orElseThrow();
        assertThat(alice.disabled()).isTrue();
        assertThat(alice.disabledAt()).as("the moment itself").isEqualTo(START.plus(Duration.ofMinutes(5)).plusMillis(700));
    }

    @Test
    void disablingAnAccountThePluginHasNotSeenCreatesItsRecord() throws Exception {
        directory.disable("bob");
        assertThat(directory.find("bob")).hasValueSatisfying(bob -> {
            assertThat(bob.disabled()).isTrue();
            assertThat(bob.registeredAt()).isNull();
        });
    }

    @Test
    void enableLiftsTheDisableButKeepsTheCutOff() throws Exception {
        directory.registered("alice");
        clock.advance(Duration.ofMinutes(5));
        directory.disable("alice");
        clock.advance(Duration.ofMinutes(5));
        directory.enable("alice");

        assertThat(directory.isDisabled("alice")).isFalse();
        assertThat(directory.find("alice").orElseThrow().disabledAt()).isNull();
        assertThat(directory.tokensValidAfter("alice")).as("tokens from before the disable stay refused")
                .isEqualTo(START.plus(Duration.ofMinutes(5)).plusSeconds(1));
    }

    @Test
    void cutOffTokensIsTheNextWholeSecondAndOnlyMovesForward() throws Exception {
        assertThat(directory.cutOffTokens("alice")).isEqualTo(START.plusSeconds(1));
        assertThat(directory.tokensValidAfter("alice")).isEqualTo(START.plusSeconds(1));
        clock.advance(Duration.ofSeconds(90));
        directory.cutOffTokens("alice");
        assertThat(directory.tokensValidAfter("alice")).isEqualTo(START.plusSeconds(91));
        assertThat(directory.tokensValidAfter("bob")).isEqualTo(Instant.MIN);
        assertThat(directory.isDisabled("alice")).isFalse();
    }

    @Test
    void removeLeavesATombstoneThatRefusesEveryExistingToken() throws Exception {
        directory.registered("alice");
        directory.disable("alice");
        directory.remove("alice");

        assertThat(directory.find("alice")).as("tombstones are not accounts").isEmpty();
        assertThat(directory.isDisabled("alice")).isFalse();
        assertThat(directory.tokensValidAfter("alice")).as("rounded up past the current second")
                .isEqualTo(START.plusSeconds(1));
        assertThat(postgres.query("SELECT deleted_at FROM " + schema() + ".account WHERE username = 'alice'"))
                .hasSize(1);
    }

    @Test
    void registeringTheNameAgainRevivesTheRow() throws Exception {
        directory.registered("alice");
        directory.disable("alice");
        directory.remove("alice");
        clock.advance(Duration.ofMinutes(1));
        directory.registered("alice");

        AccountRecord alice = directory.find("alice").orElseThrow();
        assertThat(alice.disabled()).isFalse();
        assertThat(alice.registeredAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(directory.tokensValidAfter("alice")).as("the tombstone's cut-off stays")
                .isEqualTo(START.plusSeconds(1));
    }

    @Test
    void purgeTombstonesRemovesOnlyOldTombstones() throws Exception {
        directory.registered("alice");
        directory.registered("bob");
        directory.remove("alice");
        clock.advance(Duration.ofMinutes(10));
        directory.remove("bob");
        directory.registered("carol");

        assertThat(directory.purgeTombstones(Duration.ofMinutes(20))).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(directory.purgeTombstones(Duration.ofMinutes(20))).as("alice's is 25 minutes old").isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(directory.purgeTombstones(Duration.ofMinutes(20))).as("bob's").isEqualTo(1);
        assertThat(postgres.query("SELECT username FROM " + schema() + ".account"))
                .containsExactly(List.of("carol"));
    }

    @Test
    void listAndCountSearchInNameOrderAndSkipTombstones() throws Exception {
        for (String name : new String[] {"dave", "alice", "carol", "bob", "alina"}) {
            directory.registered(name);
        }
        directory.remove("carol");

        assertThat(directory.list(null, 0, 10)).extracting(AccountRecord::username)
                .containsExactly("alice", "alina", "bob", "dave");
        assertThat(directory.count(null)).isEqualTo(4);
        assertThat(directory.list("al", 0, 10)).extracting(AccountRecord::username)
                .containsExactly("alice", "alina");
        assertThat(directory.count("al")).isEqualTo(2);
        assertThat(directory.list("car", 0, 10)).isEmpty();
        assertThat(directory.count("car")).isZero();
        assertThat(directory.list(null, 1, 2)).extracting(AccountRecord::username).containsExactly("alina", "bob");
        assertThat(directory.list(null, 4, 2)).isEmpty();
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() throws Exception {
        directory.registered("a_b");
        directory.registered("axb");
        directory.registered("a%c");
        assertThat(directory.list("_", 0, 10)).extracting(AccountRecord::username).containsExactly("a_b");
        assertThat(directory.count("%")).isEqualTo(1);
    }

    @Test
    void flushLoginsWritesTheLatestLoginAndCreatesMissingRows() throws Exception {
        directory.registered("alice");
        directory.loggedIn("alice");
        clock.advance(Duration.ofMinutes(1));
        directory.loggedIn("alice");
        directory.loggedIn("bob");
        assertThat(directory.find("alice").orElseThrow().lastLoginAt()).as("not written before the flush").isNull();

        directory.flushLogins();
        Instant latest = START.plusMillis(700).plus(Duration.ofMinutes(1));
        assertThat(directory.find("alice").orElseThrow().lastLoginAt()).isEqualTo(latest);
        AccountRecord bob = directory.find("bob").orElseThrow();
        assertThat(bob.lastLoginAt()).isEqualTo(latest);
        assertThat(bob.firstSeenAt()).isEqualTo(latest);
        assertThat(bob.registeredAt()).as("not registered through the plugin").isNull();

        directory.flushLogins();
        assertThat(directory.find("alice").orElseThrow().lastLoginAt()).as("nothing pending: unchanged")
                .isEqualTo(latest);
    }

    @Test
    void anOlderLoginFromAnotherNodeDoesNotMoveLastLoginBack() throws Exception {
        directory.loggedIn("alice");
        clock.advance(Duration.ofMinutes(1));
        otherNode.loggedIn("alice");
        otherNode.flushLogins();
        directory.flushLogins();
        assertThat(directory.find("alice").orElseThrow().lastLoginAt())
                .isEqualTo(START.plusMillis(700).plus(Duration.ofMinutes(1)));
    }

    @Test
    void aLoginPendingWhenTheAccountIsRemovedIsDropped() throws Exception {
        directory.registered("alice");
        directory.loggedIn("alice");
        directory.remove("alice");
        directory.flushLogins();
        assertThat(directory.find("alice")).isEmpty();
    }

    @Test
    void reloadPicksUpAnotherNodesChanges() throws Exception {
        otherNode.registered("alice");
        otherNode.registered("bob");
        otherNode.disable("alice");
        clock.advance(Duration.ofSeconds(30));
        otherNode.cutOffTokens("bob");

        assertThat(directory.isDisabled("alice")).as("not before reload").isFalse();
        assertThat(directory.tokensValidAfter("bob")).isEqualTo(Instant.MIN);

        directory.reload();
        assertThat(directory.isDisabled("alice")).isTrue();
        assertThat(directory.tokensValidAfter("alice")).isEqualTo(START.plusSeconds(1));
        assertThat(directory.isDisabled("bob")).isFalse();
        assertThat(directory.tokensValidAfter("bob")).isEqualTo(START.plusSeconds(31));

        otherNode.enable("alice");
        directory.reload();
        assertThat(directory.isDisabled("alice")).as("the enable reaches this node too").isFalse();
    }

    @Test
    void reloadPicksUpAnotherNodesDeletion() throws Exception {
        directory.registered("alice");
        otherNode.remove("alice");
        directory.reload();
        assertThat(directory.tokensValidAfter("alice")).isEqualTo(START.plusSeconds(1));
    }

    /** A login noted on one node just before another node deletes the account must not revive it when flushed. */
    @Test
    void aLoginFlushedAfterAnotherNodeDeletedTheAccountDoesNotReviveIt() throws Exception {
        directory.registered("alice");
        otherNode.loggedIn("alice");          // alice logs in on the other node ...
        directory.remove("alice");            // ... and is deleted here before that node flushes
        otherNode.flushLogins();

        assertThat(directory.find("alice")).isEmpty();
        assertThat(directory.count(null)).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(directory.purgeTombstones(Duration.ofMinutes(30))).isEqualTo(1);
    }

    /** Re-registering a deleted name within the second of the deletion keeps the tombstone's cut-off. */
    @Test
    void reRegisteringInTheSecondOfTheDeletionKeepsTheTombstonesCutOff() throws Exception {
        directory.registered("alice");
        directory.remove("alice");
        directory.registered("alice");
        assertThat(directory.tokensValidAfter("alice")).isEqualTo(START.plusSeconds(1));
        otherNode.reload();
        assertThat(otherNode.tokensValidAfter("alice")).isEqualTo(START.plusSeconds(1));
    }

    private String schema() throws Exception {
        try (var connection = database.dataSource().getConnection()) {
            return connection.getSchema();
        }
    }
}
