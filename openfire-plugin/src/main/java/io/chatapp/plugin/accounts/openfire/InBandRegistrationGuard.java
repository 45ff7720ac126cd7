package io.chatapp.plugin.accounts.openfire;

import io.chatapp.plugin.accounts.AccountException;
import io.chatapp.plugin.accounts.AccountRefusals;
import io.chatapp.plugin.accounts.AccountService;
import io.chatapp.plugin.openfire.IqRequestInterceptor;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Applies the plugin's account rules to XMPP in-band registration (XEP-0077), which Openfire itself handles: the
 * on/off setting, the per-address rate limit, and the user name and password policies for new accounts and password
 * changes.
 *
 * <p>A refusal names its rule: the request is rejected (Openfire then answers {@code not-allowed}) and that answer,
 * on its way out to the client, gets the condition XEP-0077 defines and an English {@code <text/>} with the HTTP API's
 * wording ({@link AccountRefusals}). Openfire's own {@code conflict} for a taken name gets its text the same way.
 *
 * <p>When Openfire answers an accepted request with success, the plugin's records follow: a new account is recorded,
 * a password change revokes the account's tokens, a cancelled account's plugin data is removed. Those database
 * writes run on the plugin's executor, never on Openfire's packet thread.
 */
final class InBandRegistrationGuard implements IqRequestInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(InBandRegistrationGuard.class);
    private static final String NAMESPACE = "jabber:iq:register";
    /** Requests awaiting Openfire's answer; bounded so that unanswered ones cannot pile up. */
    private static final int MAX_PENDING = 10_000;

    private final AccountService accounts;
    private final Executor background;
    private final Map<String, Pending> awaitingAnswer = new ConcurrentHashMap<>();
    /** Refused requests whose error Openfire is about to send → the error they get instead. */
    private final Map<String, StanzaErrorException> refused = new ConcurrentHashMap<>();

    /** An accepted request: what to do when Openfire succeeds, and whether it creates an account. */
    private record Pending(Runnable onSuccess, boolean registration) {
    }

    InBandRegistrationGuard(AccountService accounts, Executor background) {
        this.accounts = accounts;
        this.background = background;
    }

    @Override
    public Set<String> interceptedIqNamespaces() {
        return Set.of(NAMESPACE);
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (processed || session == null || !(packet instanceof IQ iq)) {
            return;
        }
        if (!incoming) {
            answered(iq, session);
            return;
        }
        Element query = iq.getChildElement();
        if (iq.getType() != IQ.Type.set || query == null || !NAMESPACE.equals(query.getNamespaceURI())) {
            return;
        }
        String sessionUser = session.getAddress() == null ? null : session.getAddress().getNode();
        if (query.element("remove") != null) {
            if (sessionUser != null) {
                await(session, iq, new Pending(() -> forget(sessionUser), false));
            }
            return;
        }
        Credentials submitted = Credentials.of(query);
        try {
            if (sessionUser != null) {
                if (submitted.password() != null) {
                    checkPasswordChange(sessionUser, submitted.password());
                    await(session, iq, new Pending(() -> revokeTokens(sessionUser), false));
                }
                return;
            }
            if (submitted.username() == null || submitted.password() == null) {
                return; // Openfire refuses an incomplete registration itself.
            }
            checkRegistration(submitted.username(), submitted.password(), session);
        } catch (StanzaErrorException refusal) {
            if (refused.size() < MAX_PENDING) {
                refused.put(key(session, iq.getID()), refusal);
            }
            throw new PacketRejectedException(refusal.getMessage());
        }
        String recorded = submitted.username().trim().toLowerCase(Locale.ROOT);
        await(session, iq, new Pending(() -> record(recorded), true));
    }

    /**
     * The user name and password of a registration or password change, read where Openfire reads them: from the
     * XEP-0004 form when the query has one (Openfire then ignores the plain elements), else from the plain
     * {@code <username/>} and {@code <password/>} elements. Reading only the elements let a form-based request past
     * every rule.
     */
    record Credentials(String username, String password) {

        static Credentials of(Element query) {
            Element form = query.element("x");
            if (form == null) {
                return new Credentials(query.elementTextTrim("username"), query.elementText("password"));
            }
            // Openfire takes any <x/> child for the form, whatever its namespace; so does this.
            return new Credentials(field(form, "username"), field(form, "password"));
        }

        private static String field(Element form, String name) {
            for (Element field : form.elements("field")) {
                if (name.equals(field.attributeValue("var"))) {
                    Element value = field.element("value");
                    return value == null ? null : value.getText();
                }
            }
            return null;
        }
    }

    private void checkRegistration(String username, String password, Session session) {
        try {
            accounts.checkInBandRegistration(username, password, address(session));
        } catch (AccountException e) {
            LOG.info("In-band registration refused: {}", e.getMessage());
            throw AccountRefusals.of(e);
        }
    }

    private void checkPasswordChange(String username, String password) {
        Optional<String> problem = accounts.passwordProblem(username, password);
        if (problem.isPresent()) {
            LOG.info("In-band password change of '{}' refused: {}", username, problem.get());
            throw AccountRefusals.passwordRefused(problem.get());
        }
    }

    private void await(Session session, IQ request, Pending pending) {
        if (awaitingAnswer.size() < MAX_PENDING) {
            awaitingAnswer.put(key(session, request.getID()), pending);
        }
    }

    /**
     * Openfire's answer to a request we refused (its {@code not-allowed} becomes our error) or are waiting on: act on
     * success; on a conflict, say the name is taken.
     */
    private void answered(IQ reply, Session session) {
        if ((awaitingAnswer.isEmpty() && refused.isEmpty())
                || (reply.getType() != IQ.Type.result && reply.getType() != IQ.Type.error)) {
            return;
        }
        String key = key(session, reply.getID());
        StanzaErrorException refusal = refused.remove(key);
        if (refusal != null && reply.getType() == IQ.Type.error) {
            reply.setError(PluginRouting.error(refusal.error(), refusal.getMessage()));
            return;
        }
        Pending pending = awaitingAnswer.remove(key);
        if (pending == null) {
            return;
        }
        if (reply.getType() == IQ.Type.result) {
            background.execute(pending.onSuccess());
        } else if (pending.registration() && reply.getError() != null
                && reply.getError().getCondition() == PacketError.Condition.conflict) {
            StanzaErrorException taken = AccountRefusals.nameTaken();
            reply.setError(PluginRouting.error(taken.error(), taken.getMessage()));
        }
    }

    private void record(String username) {
        try {
            accounts.registeredInBand(username);
        } catch (Exception e) {
            LOG.warn("Could not record the in-band registration of '{}': {}", username, e.getMessage());
        }
    }

    private void revokeTokens(String username) {
        try {
            accounts.revokeTokensAfterPasswordChange(username);
        } catch (Exception e) {
            LOG.warn("Could not revoke tokens after an in-band password change: {}", e.getMessage());
        }
    }

    private void forget(String username) {
        try {
            accounts.delete(username);
        } catch (Exception e) {
            LOG.warn("Could not remove the data of the cancelled account '{}': {}", username, e.getMessage());
        }
    }

    private static String key(Session session, String id) {
        return System.identityHashCode(session) + "|" + session.getAddress() + "|" + id;
    }

    private static String address(Session session) {
        try {
            return session.getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
