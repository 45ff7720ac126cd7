package io.chatapp.plugin.auth;

import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the SASL server of a login mechanism (Openfire's PLAIN and SCRAM-SHA-1, our token mechanisms) with the
 * brute-force guard and the account checks the mechanism itself does not know: a locked account or address is refused
 * before the credentials are looked at, a failure is counted, and a successful login of a disabled account is turned
 * into a failure.
 */
final class GuardedSaslServer implements SaslServer {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedSaslServer.class);

    private final SaslServer delegate;
    private final LoginGuard guard;
    private final AccountStatus status;
    private final String domain;
    private final String address;
    private final SaslRefusals refusals;
    private String claimedUser;
    private boolean identified;
    private boolean finished;

    GuardedSaslServer(SaslServer delegate, LoginGuard guard, AccountStatus status, String domain, String address) {
        this(delegate, guard, status, domain, address, SaslRefusals.NOT_AUTHORIZED);
    }

    GuardedSaslServer(SaslServer delegate, LoginGuard guard, AccountStatus status, String domain, String address,
                      SaslRefusals refusals) {
        this.refusals = refusals;
        this.delegate = delegate;
        this.guard = guard;
        this.status = status;
        this.domain = domain;
        this.address = address;
    }

    @Override
    public byte[] evaluateResponse(byte[] response) throws SaslException {
        if (!identified) {
            // A client may open with an empty response and name itself in the next one.
            identified = response != null && response.length > 0;
            String claimed = SaslIdentities.claimedUser(delegate.getMechanismName(), response);
            claimedUser = claimed == null ? null : Usernames.lockoutKey(claimed, domain);
            var wait = guard.retryAfter(claimedUser, address);
            if (wait.isPresent()) {
                finished = true;
                LOG.info("{} login of '{}' from {} refused: locked for {} s", getMechanismName(),
                        Usernames.forLog(claimedUser), address, wait.get().toSeconds());
                throw refusals.lockedOut(LockedOutException.MESSAGE);
            }
        }
        byte[] challenge;
        try {
            challenge = delegate.evaluateResponse(response);
        } catch (SaslException | RuntimeException e) {
            if (!finished) {
                finished = true;
                guard.failed(claimedUser, address);
                LOG.info("{} login of '{}' from {} failed", getMechanismName(), Usernames.forLog(claimedUser), address);
            }
            throw e;
        }
        if (delegate.isComplete() && !finished) {
            finished = true;
            String user = Usernames.lockoutKey(delegate.getAuthorizationID(), domain);
            if (status.isDisabled(user)) {
                LOG.info("{} login of disabled account '{}' refused", getMechanismName(), Usernames.forLog(user));
                throw refusals.accountDisabled("Account disabled");
            }
            guard.succeeded(user);
            status.loggedIn(user);
        }
        return challenge;
    }

    @Override
    public String getMechanismName() {
        return delegate.getMechanismName();
    }

    @Override
    public boolean isComplete() {
        return delegate.isComplete();
    }

    @Override
    public String getAuthorizationID() {
        return delegate.getAuthorizationID();
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
        return delegate.unwrap(incoming, offset, len);
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
        return delegate.wrap(outgoing, offset, len);
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        return delegate.getNegotiatedProperty(propName);
    }

    @Override
    public void dispose() throws SaslException {
        delegate.dispose();
    }
}
