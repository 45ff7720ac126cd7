package io.chatapp.plugin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamePolicyTest {

    private static String accepted(String name) {
        UsernamePolicy.Result result = UsernamePolicy.check(name);
        assertThat(result.problem()).as(name).isEmpty();
        return result.username().orElseThrow();
    }

    private static String refused(String name) {
        UsernamePolicy.Result result = UsernamePolicy.check(name);
        assertThat(result.username()).as(name).isEmpty();
        return result.problem().orElseThrow();
    }

    @Test
    void ordinaryNamesAreAccepted() {
        for (String name : new String[] {"alice", "a", "7", "bob42", "j.doe", "mary_ann", "jean-luc", "a.b_c-d",
                "0day"}) {
            assertThat(accepted(name)).isEqualTo(name);
        }
    }

    @Test
    void upperCaseIsFoldedToLowerCase() {
        assertThat(accepted("Alice")).isEqualTo("alice");
        assertThat(accepted("J.DOE")).isEqualTo("j.doe");
    }

    @Test
    void charactersOutsideTheAllowedSetAreRefused() {
        for (String name : new String[] {"al ice", "alice@example.org", "al/ice", "al:ice", "al+ice", "al'ice",
                "álice", "аlice" /* Cyrillic а */, "alice\n", "al\u0000ice", "ali\u200bce", "ﬁ"}) {
            assertThat(refused(name)).as(name).contains("only letters");
        }
    }

    @Test
    void charactersThatLowerCaseIntoTheAllowedSetAreRefused() {
        // KELVIN SIGN lower-cases to an ASCII k, and DOTTED CAPITAL I to i plus a combining dot: a name typed with
        // them must not become, or collide with, the plain ASCII name.
        for (String name : new String[] {"\u212Aaren", "al\u212A", "\u0130van", "\u212Bngstrom"}) {
            assertThat(refused(name)).as(name).contains("only letters");
        }
    }

    @Test
    void punctuationMustBeBetweenLettersOrDigits() {
        for (String name : new String[] {".alice", "alice.", "-alice", "alice_", "al..ice", "al._ice", "a-_b",
                "_", "."}) {
            assertThat(refused(name)).as(name).contains("start and end with a letter or digit");
        }
    }

    @Test
    void reservedNamesAreRefusedInAnyCase() {
        for (String name : new String[] {"admin", "Administrator", "ROOT", "postmaster", "abuse", "no-reply",
                "noreply", "system", "server", "support", "security", "webmaster", "hostmaster"}) {
            assertThat(refused(name)).as(name).contains("reserved");
        }
        assertThat(accepted("admin2")).isEqualTo("admin2");
        assertThat(accepted("rooted")).isEqualTo("rooted");
    }

    @Test
    void atMost64Characters() {
        String max = "a".repeat(64);
        assertThat(accepted(max)).isEqualTo(max);
        assertThat(refused(max + "b")).contains("at most 64");
    }

    @Test
    void emptyOrMissingIsRefused() {
        assertThat(refused(null)).contains("required");
        assertThat(refused("")).contains("required");
    }
}
