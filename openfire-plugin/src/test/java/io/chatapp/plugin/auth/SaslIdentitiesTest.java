package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The user a client names in its first SASL message, for every guarded mechanism. */
class SaslIdentitiesTest {

    private static String claimed(String mechanism, String message) {
        return SaslIdentities.claimedUser(mechanism, message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainNamesTheAuthenticationIdWithOrWithoutAuthzid() {
        assertThat(claimed("PLAIN", "\u0000alice\u0000secret")).isEqualTo("alice");
        assertThat(claimed("PLAIN", "admin\u0000alice\u0000secret")).as("authcid, not authzid").isEqualTo("alice");
        assertThat(claimed("PLAIN", "\u0000alice@example.org\u0000secret")).isEqualTo("alice@example.org");
        assertThat(claimed("PLAIN", "\u0000alice\u0000")).as("empty password still names alice").isEqualTo("alice");
    }

    @Test
    void plainWithoutAUserOrWithTheWrongShapeNamesNobody() {
        assertThat(claimed("PLAIN", "\u0000\u0000secret")).isNull();
        assertThat(claimed("PLAIN", "alice")).isNull();
        assertThat(claimed("PLAIN", "alice\u0000secret")).isNull();
        assertThat(claimed("PLAIN", "a\u0000b\u0000c\u0000d")).isNull();
    }

    @Test
    void xOauth2IsReadLikePlain() {
        assertThat(claimed(TokenSaslServer.X_OAUTH2, "\u0000alice\u0000eyJ.token.sig")).isEqualTo("alice");
        assertThat(claimed(TokenSaslServer.X_OAUTH2, "eyJ.token.sig")).isNull();
    }

    @Test
    void scramNamesTheSaslname() {
        assertThat(claimed("SCRAM-SHA-1", "n,,n=alice,r=fyko+d2lbbFgONRv9qkxdawL")).isEqualTo("alice");
        assertThat(claimed("SCRAM-SHA-1", "y,,n=alice,r=abc")).isEqualTo("alice");
    }

    @Test
    void scramSkipsTheAuthzidOfTheGs2Header() {
        assertThat(claimed("SCRAM-SHA-1", "n,a=admin,n=alice,r=abc")).isEqualTo("alice");
        assertThat(claimed("SCRAM-SHA-1", "n,a=n=bob,n=alice,r=abc"))
                .as("an authzid that looks like a name field is not taken").isEqualTo("alice");
    }

    @Test
    void scramUnescapesCommaAndEquals() {
        assertThat(claimed("SCRAM-SHA-1", "n,,n=a=2Cb=3Dc,r=abc")).isEqualTo("a,b=c");
        assertThat(claimed("SCRAM-SHA-1", "n,,n=x=3D2C,r=abc")).as("=3D2C is '=' then '2C', not a comma")
                .isEqualTo("x=2C");
    }

    @Test
    void scramWithoutANameNamesNobody() {
        assertThat(claimed("SCRAM-SHA-1", "n,,r=abc")).isNull();
        assertThat(claimed("SCRAM-SHA-1", "garbage")).isNull();
        assertThat(claimed("SCRAM-SHA-1", "c=biws,r=abc,p=proof")).as("a client-final message").isNull();
    }

    @Test
    void oauthbearerNamesTheAuthzidWhenPresent() {
        assertThat(claimed(TokenSaslServer.OAUTHBEARER,
                "n,a=alice@example.org,\u0001auth=Bearer eyJ.x.y\u0001\u0001")).isEqualTo("alice@example.org");
        assertThat(claimed(TokenSaslServer.OAUTHBEARER, "n,a=a=2Cb,\u0001auth=Bearer t\u0001\u0001"))
                .isEqualTo("a,b");
    }

    @Test
    void oauthbearerWithoutAuthzidNamesNobody() {
        assertThat(claimed(TokenSaslServer.OAUTHBEARER, "n,,\u0001auth=Bearer eyJ.x.y\u0001\u0001")).isNull();
        assertThat(claimed(TokenSaslServer.OAUTHBEARER, "n,,\u0001a=alice,auth=Bearer t\u0001\u0001"))
                .as("only the gs2 header counts").isNull();
    }

    @Test
    void emptyOrMissingInputNamesNobody() {
        for (String mechanism : GuardedSaslProvider.MECHANISMS) {
            assertThat(SaslIdentities.claimedUser(mechanism, null)).as(mechanism).isNull();
            assertThat(SaslIdentities.claimedUser(mechanism, new byte[0])).as(mechanism).isNull();
            assertThat(claimed(mechanism, "\u0001\u0000,,,=,")).as(mechanism).isNull();
        }
    }

    @Test
    void invalidUtf8DoesNotThrow() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0, 'x'};
        for (String mechanism : GuardedSaslProvider.MECHANISMS) {
            SaslIdentities.claimedUser(mechanism, garbage);
        }
        assertThat(SaslIdentities.claimedUser("PLAIN", garbage)).isEqualTo("\ufffd");
    }

    @Test
    void otherMechanismsNameNobody() {
        assertThat(claimed("DIGEST-MD5", "\u0000alice\u0000secret")).isNull();
        assertThat(claimed("ANONYMOUS", "n,,n=alice,r=abc")).isNull();
    }
}
