package io.chatapp.plugin.auth;

import java.nio.charset.StandardCharsets;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of XMPP login with an access token, in two forms:
 * <ul>
 *   <li>{@code OAUTHBEARER} (RFC 7628): {@code gs2-header \x01auth=Bearer <token>\x01\x01}. A bad token gets the
 *       RFC's error challenge ({@code {"status":"invalid_token"}}); the client answers {@code \x01} and the exchange
 *       fails.</li>
 *   <li>{@code X-OAUTH2} (as Smack and several clients send it): {@code \0username\0token}, like PLAIN with the token
 *       as the password.</li>
 * </ul>
 * The token is fully verified by {@link TokenService}; a user name or authorization id given by the client must be
 * the token's own subject, in any spelling that canonicalises to it ({@code Bob@example.org} for {@code bob}). A user
 * name of another account is not-authorized (the token is not that user's); an authorization id of another account
 * is {@code invalid-authzid} (RFC 6120 §6.5.6), since a token never lets its holder act as someone else. For
 * OAUTHBEARER both come after the RFC's error challenge. The authorization id handed to Openfire is the user name.
 */
final class TokenSaslServer implements SaslServer {

    static final String OAUTHBEARER = "OAUTHBEARER";
    static final String X_OAUTH2 = "X-OAUTH2";
    private static final Logger LOG = LoggerFactory.getLogger(TokenSaslServer.class);
    private static final byte[] ERROR_CHALLENGE =
            "{\"status\":\"invalid_token\",\"scope\":\"xmpp\"}".getBytes(StandardCharsets.UTF_8);

    private final String mechanism;
    private final TokenService tokens;
    private final String domain;
    private final SaslRefusals refusals;
    private String authorizationId;
    private boolean complete;
    /** The failure an OAUTHBEARER exchange ends with once the client has acknowledged the error challenge. */
    private SaslException pendingFailure;

    TokenSaslServer(String mechanism, TokenService tokens, String domain, SaslRefusals refusals) {
        this.mechanism = mechanism;
        this.tokens = tokens;
        this.domain = domain;
        this.refusals = refusals;
    }

    @Override
    public String getMechanismName() {
        return mechanism;
    }

    @Override
    public byte[] evaluateResponse(byte[] response) throws SaslException {
        if (complete) {
            throw new SaslException("Authentication already finished");
        }
        if (pendingFailure != null) {
            complete = true;
            throw pendingFailure;
        }
        String message = new String(response, StandardCharsets.UTF_8);
        SaslException failure;
        try {
            Credentials credentials = mechanism.equals(OAUTHBEARER) ? oauthBearer(message) : xOauth2(message);
            AccessToken access = tokens.verify(credentials.token());
            String user = access.username();
            if (credentials.claimedUser() != null && !credentials.claimedUser().equals(user)) {
                throw new TokenRejectedException("the token belongs to another user");
            }
            requireOwnAccount(credentials.authzid(), user);
            authorizationId = user;
            complete = true;
            return null;
        } catch (TokenRejectedException e) {
            LOG.info("{} login refused: {}", mechanism, e.getMessage());
            failure = new SaslException("Invalid token");
        } catch (AuthzidRefusedException e) {
            LOG.info("{} login refused: {}", mechanism, e.getMessage());
            failure = refusals.invalidAuthzid("A token cannot authorize another account");
        }
        if (mechanism.equals(OAUTHBEARER)) {
            pendingFailure = failure;
            return ERROR_CHALLENGE;
        }
        complete = true;
        throw failure;
    }

    /** An authorization id, when given, must name the token's own account. */
    private void requireOwnAccount(String authzid, String user) throws AuthzidRefusedException {
        if (authzid != null && !Usernames.canonical(authzid, domain).filter(user::equals).isPresent()) {
            throw new AuthzidRefusedException("the authzid names another account than the token's");
        }
    }

    /** {@code n,a=alice@example.org,\x01host=…\x01auth=Bearer TOKEN\x01\x01}; the authzid is optional. */
    private Credentials oauthBearer(String message) throws TokenRejectedException {
        int headerEnd = message.indexOf('\u0001');
        if (headerEnd < 0 || !(message.startsWith("n,") || message.startsWith("y,"))) {
            throw new TokenRejectedException("malformed OAUTHBEARER message");
        }
        String claimed = null;
        for (String part : message.substring(0, headerEnd).split(",")) {
            if (part.startsWith("a=")) {
                claimed = part.substring(2).replace("=2C", ",").replace("=3D", "=");
            }
        }
        for (String pair : message.substring(headerEnd + 1).split("\u0001")) {
            if (pair.regionMatches(true, 0, "auth=Bearer ", 0, 12)) {
                return new Credentials(null, claimed, pair.substring(12).trim());
            }
        }
        throw new TokenRejectedException("no bearer token in OAUTHBEARER message");
    }

    /** {@code [authzid]\0username\0token}. */
    private Credentials xOauth2(String message) throws TokenRejectedException {
        String[] parts = message.split("\u0000", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new TokenRejectedException("malformed X-OAUTH2 message");
        }
        return new Credentials(parts[1].isEmpty() ? null : localPart(parts[1]), parts[0].isEmpty() ? null : parts[0],
                parts[2]);
    }

    private String localPart(String user) throws TokenRejectedException {
        return Usernames.canonical(user, domain)
                .orElseThrow(() -> new TokenRejectedException("not a user name of this domain"));
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String getAuthorizationID() {
        if (!complete || authorizationId == null) {
            throw new IllegalStateException("Authentication has not succeeded");
        }
        return authorizationId;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
        throw new SaslException("No security layer");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
        throw new SaslException("No security layer");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        return null;
    }

    @Override
    public void dispose() {
        authorizationId = null;
    }

    /**
     * @param claimedUser the canonical user name the client logs in as (X-OAUTH2's authcid), or null
     * @param authzid     the account the client asks to act as, as sent, or null
     */
    private record Credentials(String claimedUser, String authzid, String token) {
    }
}
