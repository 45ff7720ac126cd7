package io.chatapp.plugin.auth;

import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the SASL server of a login mechanism (Openfire's PLAIN and SCRAM-SHA-1, our token mechanisms) with the
 * brute-force guard and the account checks the mechanism itself does not know: a locked account or address is refused
 * before the credentials are looked at, a failure is counted, and a successful login of a disabled account is turned
 * into a failure. It also holds the exchange's {@link LoginAdmission} slot: a login beyond the server's limit of
 * logins at once is refused as busy (try again later), before the credentials are looked at, and is not a failure.
 */
final class GuardedSaslServer implements SaslServer {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedSaslServer.class);
    static final String BUSY = "The server is busy with other logins; try again in a moment";

    private final SaslServer delegate;
    private final LoginGuard guard;
    private final AccountStatus status;
    private final String domain;
    private final String address;
    private final SaslRefusals refusals;
    private final LoginAdmission admission;
    private LoginAdmission.Slot slot;
    private String claimedUser;
    private boolean identified;
    private boolean finished;

    GuardedSaslServer(SaslServer delegate, LoginGuard guard, AccountStatus status, String domain, String address) {
        this(delegate, guard, status, domain, address, SaslRefusals.NOT_AUTHORIZED);
    }

    GuardedSaslServer(SaslServer delegate, LoginGuard guard, AccountStatus status, String domain, String address,
                      SaslRefusals refusals) {
        this(delegate, guard, status, domain, address, refusals, LoginAdmission.UNLIMITED);
    }

    GuardedSaslServer(SaslServer delegate, LoginGuard guard, AccountStatus status, String domain, String address,
                      SaslRefusals refusals, LoginAdmission admission) {
        this.refusals = refusals;
        this.admission = admission;
        this.delegate = delegate;
        this.guard = guard;
        this.status = status;
        this.domain = domain;
        this.address = address;
    }

    @Override
    public byte[] evaluateResponse(byte[] response) throws SaslException {
        try {
            refuseIfLocked(response);
            admit();
            return evaluateAdmitted(response);
        } finally {
            if (finished && slot != null) {
                slot.release();
            }
        }
    }

    private void refuseIfLocked(byte[] response) throws SaslException {
        if (identified) {
            return;
        }
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

    /** Takes a login slot for this exchange, or refuses it (try again later) when the server runs enough logins. */
    private void admit() throws SaslException {
        if (slot != null) {
            return;
        }
        slot = admission.tryAdmit().orElse(null);
        if (slot == null) {
            finished = true;
            // Not a failed login: the credentials were not looked at. Debug only, a crowd makes thousands.
            LOG.debug("{} login of '{}' from {} refused: the server runs its limit of logins", getMechanismName(),
                    Usernames.forLog(claimedUser), address);
            throw refusals.serverBusy(BUSY);
        }
    }

    private byte[] evaluateAdmitted(byte[] response) throws SaslException {
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
        if (slot != null) {
            slot.release();
        }
        delegate.dispose();
    }
}
