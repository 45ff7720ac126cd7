package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptOutboxTest {

    @Test
    void sendsQueuedReceiptsInOrder() {
        ReceiptOutbox outbox = new ReceiptOutbox();
        outbox.add("alice@x/a", "m1");
        outbox.add("alice@x/a", "m2");
        List<String> sent = new ArrayList<>();
        assertThat(outbox.drain(r -> sent.add(r.messageId()))).isEqualTo(2);
        assertThat(sent).containsExactly("m1", "m2");
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aReceiptThatCouldNotBeSentStaysFirstUntilTheNextDrain() {
        ReceiptOutbox outbox = new ReceiptOutbox();
        outbox.add("alice@x/a", "m1");
        outbox.add("alice@x/a", "m2");
        outbox.add("alice@x/a", "m3");
        List<String> sent = new ArrayList<>();
        int sentFirst = outbox.drain(r -> {
            if (r.messageId().equals("m2")) {
                throw new IllegalStateException("connection dropped");
            }
            sent.add(r.messageId());
        });
        assertThat(sentFirst).isEqualTo(1);
        assertThat(outbox.size()).isEqualTo(2);

        outbox.drain(r -> sent.add(r.messageId()));
        assertThat(sent).containsExactly("m1", "m2", "m3");
    }

    @Test
    void onlyOneDrainerAtATime() {
        ReceiptOutbox outbox = new ReceiptOutbox();
        outbox.add("alice@x/a", "m1");
        outbox.add("alice@x/a", "m2");
        List<String> sent = new ArrayList<>();
        outbox.drain(r -> {
            // a second drain started while the first is sending does nothing
            assertThat(outbox.drain(inner -> sent.add("nested-" + inner.messageId()))).isZero();
            sent.add(r.messageId());
        });
        assertThat(sent).containsExactly("m1", "m2");
    }
}
