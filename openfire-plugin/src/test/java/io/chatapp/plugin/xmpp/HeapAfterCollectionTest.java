package io.chatapp.plugin.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

class HeapAfterCollectionTest {

    private static final int MB = 1 << 20;

    @Test
    void whatSurvivesACollectionCountsAndGarbageMadeSinceDoesNot() {
        HeapAfterCollection heap = new HeapAfterCollection();
        System.gc();
        long before = heap.getAsLong();
        byte[][] kept = new byte[32][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[MB];
        }
        System.gc();
        long withKept = heap.getAsLong();
        assertThat(withKept - before).as("32 MB held through a collection").isGreaterThan(24L * MB);

        long made = 0;
        for (int i = 0; i < 16; i++) {
            made += new byte[MB].length;
        }
        assertThat(heap.getAsLong()).as(made / MB + " MB made and dropped since").isLessThan(withKept + 8L * MB);
        Reference.reachabilityFence(kept);
    }
}
