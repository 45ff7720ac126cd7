package io.chatapp.benchmarks.stories;

import io.chatapp.benchmarks.login.Latencies;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measured story posts of a fan-out run: for each post, when it was sent, when the server answered the poster,
 * and when each audience member got its event. A post is complete once every member has it. Thread-safe: members
 * record arrivals on their connections' threads.
 */
final class PostFanOuts {

    private final int members;
    private final long[] sent;
    private final long[] answered;
    private final long[] lastArrival;
    private final AtomicInteger[] arrivals;
    private final BitSet[] received;
    private final Latencies deliveries;
    private final AtomicLong duplicates = new AtomicLong();

    PostFanOuts(int posts, int members) {
        this.members = members;
        this.sent = new long[posts];
        this.answered = new long[posts];
        this.lastArrival = new long[posts];
        this.arrivals = new AtomicInteger[posts];
        this.received = new BitSet[posts];
        for (int i = 0; i < posts; i++) {
            arrivals[i] = new AtomicInteger();
            received[i] = new BitSet(members);
        }
        this.deliveries = new Latencies("event delivery", posts * members);
    }

    int posts() {
        return sent.length;
    }

    synchronized void sent(int post, long nanos) {
        sent[post] = nanos;
    }

    synchronized void answered(int post, long nanos) {
        answered[post] = nanos;
    }

    /** Member {@code member} got the post's event; a repeat counts as a duplicate, not as an arrival. */
    synchronized void arrived(int post, int member, long nanos) {
        if (received[post].get(member)) {
            duplicates.incrementAndGet();
            return;
        }
        received[post].set(member);
        arrivals[post].incrementAndGet();
        lastArrival[post] = Math.max(lastArrival[post], nanos);
        deliveries.add(nanos - sent[post]);
    }

    boolean complete(int post) {
        return arrivals[post].get() >= members;
    }

    /** Members who never got the post's event. */
    int missing(int post) {
        return members - arrivals[post].get();
    }

    int missingInAll() {
        int missing = 0;
        for (int i = 0; i < posts(); i++) {
            missing += missing(i);
        }
        return missing;
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Per complete post: from sending it until the last member got the event. */
    synchronized Latencies untilAllReceived() {
        Latencies all = new Latencies("until all members got the event", posts());
        for (int i = 0; i < posts(); i++) {
            if (complete(i)) {
                all.add(lastArrival[i] - sent[i]);
            }
        }
        return all;
    }

    /** Per answered post: from sending it until the server's answer to the poster. */
    synchronized Latencies answers() {
        Latencies all = new Latencies("answer to the poster", posts());
        for (int i = 0; i < posts(); i++) {
            if (answered[i] != 0) {
                all.add(answered[i] - sent[i]);
            }
        }
        return all;
    }

    /** Every single event: from sending its post until the member got it. */
    synchronized Latencies deliveries() {
        return deliveries;
    }
}
