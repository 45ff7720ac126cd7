package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a token login's tokens fresh: refreshes the access token shortly before it expires (see
 * {@link RefreshSchedule}) and, when a login or reconnection needs a token, refreshes first if the current one is
 * about to expire. Refreshes never overlap: a refresh token is single use, and sending one twice makes the server
 * revoke the whole login. Once the server refuses the refresh token, the keeper stops and every later request for a
 * token fails with {@link Reason#SESSION_EXPIRED}.
 */
public final class TokenKeeper {

    private static final Logger LOG = Logger.getLogger(TokenKeeper.class.getName());

    /** Trades tokens for new ones over the network, blocking. */
    @FunctionalInterface
    public interface Refresher {
        TokenSet refresh(TokenSet current);
    }

    /** What the keeper reports; called on the thread that refreshed, so implementations must not block. */
    public interface Events {
        void refreshed(TokenSet tokens);

        void expired(ChatClientException failure);
    }

    private final Refresher refresher;
    private final Events events;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    /** Held for the whole of a refresh, network call included, so that refreshes never overlap. */
    private final ReentrantLock refreshing = new ReentrantLock();

    private TokenSet current; // guarded by this
    private ChatClientException expired; // guarded by this
    private boolean running; // guarded by this
    private ScheduledFuture<?> scheduled; // guarded by this

    public TokenKeeper(TokenSet initial, Refresher refresher, Events events, Clock clock,
                       ScheduledExecutorService scheduler) {
        this.current = initial;
        this.refresher = refresher;
        this.events = events;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public synchronized TokenSet current() {
        return current;
    }

    /** Whether the server has refused the refresh token (or it has expired): no more tokens can be had. */
    public synchronized boolean isExpired() {
        return expired != null;
    }

    /** Starts refreshing ahead of expiry, until {@link #stop()}. */
    public synchronized void start() {
        running = true;
        scheduleAfter(RefreshSchedule.delayUntilRefresh(current, clock.instant()));
    }

    /** Stops the scheduled refreshes; a refresh already under way finishes (its tokens are still reported). */
    public synchronized void stop() {
        running = false;
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    /**
     * An access token that works for a while yet ({@link RefreshSchedule#MIN_VALIDITY_FOR_LOGIN}): the current one,
     * or a new one after a refresh. Blocks during the refresh; fails with the refresh's failure.
     */
    public String accessTokenForLogin() {
        refreshing.lock();
        try {
            TokenSet tokens = current();
            if (RefreshSchedule.usableForLogin(tokens, clock.instant())) {
                return tokens.accessToken();
            }
            return refreshHoldingLock().accessToken();
        } finally {
            refreshing.unlock();
        }
    }

    /** Refreshes now, whatever the current token's age, and returns the new tokens. Blocking. */
    public TokenSet refreshNow() {
        refreshing.lock();
        try {
            return refreshHoldingLock();
        } finally {
            refreshing.unlock();
        }
    }

    private TokenSet refreshHoldingLock() {
        TokenSet before;
        synchronized (this) {
            if (expired != null) {
                throw expired;
            }
            before = current;
        }
        if (before.refreshTokenExpired(clock.instant())) {
            throw expire(new ChatClientException(Reason.SESSION_EXPIRED,
                    "The login has expired: log in again with the password"));
        }
        TokenSet after;
        try {
            after = refresher.refresh(before);
        } catch (RuntimeException e) {
            ChatClientException failure = Failures.translate(e);
            throw failure.reason() == Reason.SESSION_EXPIRED ? expire(failure) : failure;
        }
        synchronized (this) {
            current = after;
            if (running) {
                scheduleAfter(RefreshSchedule.delayUntilRefresh(after, clock.instant()));
            }
        }
        events.refreshed(after);
        return after;
    }

    private ChatClientException expire(ChatClientException failure) {
        synchronized (this) {
            if (expired != null) {
                return expired;
            }
            expired = failure;
        }
        stop();
        events.expired(failure);
        return failure;
    }

    /**
     * Runs on the scheduler when the refresh of {@code due} is due. The schedule is decided once per token set:
     * recomputing it now would postpone it again and again for short-lived tokens.
     */
    private void refreshIfDue(TokenSet due) {
        refreshing.lock();
        try {
            synchronized (this) {
                if (!running || expired != null || current != due) {
                    return; // stopped, or refreshed in the meantime (which scheduled the next one)
                }
            }
            refreshHoldingLock();
        } catch (ChatClientException e) {
            synchronized (this) {
                if (running && expired == null) {
                    Duration retry = RefreshSchedule.retryDelay(current, clock.instant());
                    LOG.log(Level.INFO, "Token refresh failed (" + e.getMessage() + "); retrying in "
                            + retry.toSeconds() + " s");
                    scheduleAfter(retry);
                }
            }
        } finally {
            refreshing.unlock();
        }
    }

    private void scheduleAfter(Duration delay) {
        assert Thread.holdsLock(this);
        if (!running || expired != null) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        try {
            TokenSet due = current;
            scheduled = scheduler.schedule(() -> refreshIfDue(due), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            running = false; // the client is closing
        }
    }
}
