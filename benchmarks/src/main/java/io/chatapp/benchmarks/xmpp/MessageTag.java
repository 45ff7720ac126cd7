package io.chatapp.benchmarks.xmpp;

/**
 * What the messaging load generators (OneToOneBenchmark, GroupFanOutBenchmark) write into each message's id (and
 * one-to-one's origin-id, which our library sets to the same value): the run the message belongs to, its pair and number, and the instant it was due to be sent
 * ({@link System#nanoTime()} of the benchmark's JVM, where both senders and receivers live). A receipt names the id,
 * so the sender learns the same facts from it without keeping a table of messages in flight.
 *
 * @param run        one letter naming the run (warm-up, paced, saturation)
 * @param pair       the sender/receiver pair (one-to-one) or the sender (fan-out)
 * @param number     the message's number within its pair
 * @param sentNanos  when the message was due to be sent (paced) or was sent (saturation); not negative
 */
public record MessageTag(char run, int pair, long number, long sentNanos) {

    public MessageTag {
        if (!Character.isLetter(run)) {
            throw new IllegalArgumentException("run must be a letter, not " + run);
        }
        if (pair < 0 || number < 0 || sentNanos < 0) {
            throw new IllegalArgumentException("pair, number and time must not be negative");
        }
    }

    public String id() {
        return "" + run + pair + '-' + number + '-' + sentNanos;
    }

    /** The tag in an id, or {@code null} when the id is not one of ours (e.g. a stanza of the server's). */
    public static MessageTag parse(String id) {
        if (id == null || id.length() < 6 || !Character.isLetter(id.charAt(0))) {
            return null;
        }
        int first = id.indexOf('-');
        int second = first < 0 ? -1 : id.indexOf('-', first + 1);
        if (first < 2 || second < 0 || id.indexOf('-', second + 1) >= 0) {
            return null;
        }
        try {
            return new MessageTag(id.charAt(0), Integer.parseInt(id.substring(1, first)),
                    Long.parseLong(id.substring(first + 1, second)), Long.parseLong(id.substring(second + 1)));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return null;
        }
    }
}
