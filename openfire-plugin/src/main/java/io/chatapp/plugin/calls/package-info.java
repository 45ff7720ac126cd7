/**
 * Calls, the server's part (issue 16): what a client needs to place a call through NATs, and the call log.
 *
 * <ul>
 *   <li><b>STUN/TURN (XEP-0215).</b> {@link io.chatapp.plugin.calls.ExternalServices} lists the STUN and TURN
 *   services the settings name ({@code chatapp.calls.*}); each TURN service carries a credential of the TURN REST
 *   API's shared-secret scheme ({@link io.chatapp.plugin.calls.TurnCredentials}: username
 *   {@code <expiry>:<user>}, password base64(HMAC-SHA1(secret, username))), which coturn's {@code use-auth-secret}
 *   checks without any shared state.</li>
 *   <li><b>Call log.</b> The XEP-0353 signals the server routes (propose, proceed, reject, retract, finish) drive
 *   {@link io.chatapp.plugin.calls.CallTracker}, a state machine per call in memory; each change of a call is queued
 *   for the feature's {@link io.chatapp.plugin.storage.BatchWriter} into {@code call_log} (V11), so the packet thread
 *   never waits for the database. {@link io.chatapp.plugin.calls.CallLogService} pages a user's log (IQ and
 *   {@code GET /api/v1/calls}); each party sees its own {@link io.chatapp.plugin.calls.CallOutcome} (a cancelled or
 *   unanswered call is "cancelled" for the caller and "missed" for the callee, who sees it unseen until they mark it
 *   seen).</li>
 *   <li><b>Missed-call event.</b> A feature started after this one (push notifications) gets the
 *   {@link io.chatapp.plugin.calls.CallTracker} from {@code Services} and registers a
 *   {@link io.chatapp.plugin.calls.MissedCallListener} with {@code onMissedCall}: it is told once of each call whose
 *   callee missed it, when the caller cancels it or it rings out ({@code chatapp.calls.ringTimeoutSeconds}), on the
 *   thread that saw it end, so it must not block. It closes the returned handle when it stops.</li>
 * </ul>
 *
 * <p>Calls in progress live in memory, and in the log as {@code ringing} or {@code ongoing}: across a restart of the
 * plugin a call that was ringing is ended in the log as unanswered by a periodic job once it would have rung out (its
 * later signals are not matched); one that was answered is adopted again at start (the media flows between the
 * parties, so the call may well go on), and the finish its parties send later ends it with its real end and duration.
 * An answered call that no finish ends within a day of its answer ends as failed at its answer.
 */
package io.chatapp.plugin.calls;
