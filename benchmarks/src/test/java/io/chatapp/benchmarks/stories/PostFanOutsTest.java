package io.chatapp.benchmarks.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostFanOutsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aPostIsCompleteWhenTheLastMemberGotItAndThatArrivalIsItsFanOutTime() {
        PostFanOuts posts = new PostFanOuts(2, 3);
        posts.sent(0, 100 * MS);
        posts.answered(0, 102 * MS);
        posts.arrived(0, 0, 103 * MS);
        posts.arrived(0, 2, 110 * MS);
        assertThat(posts.complete(0)).isFalse();
        posts.arrived(0, 1, 105 * MS);
        assertThat(posts.complete(0)).isTrue();

        posts.sent(1, 200 * MS);
        posts.answered(1, 201 * MS);
        posts.arrived(1, 0, 204 * MS);

        assertThat(posts.untilAllReceived().count()).as("only complete posts").isEqualTo(1);
        assertThat(posts.untilAllReceived().maxMillis()).isEqualTo(10.0);
        assertThat(posts.answers().count()).isEqualTo(2);
        assertThat(posts.answers().maxMillis()).isEqualTo(2.0);
        assertThat(posts.deliveries().count()).isEqualTo(4);
        assertThat(posts.deliveries().medianMillis()).isEqualTo(4.0);
        assertThat(posts.missing(1)).isEqualTo(2);
        assertThat(posts.missingInAll()).isEqualTo(2);
    }

    @Test
    void aRepeatedEventIsADuplicateNotAnotherMember() {
        PostFanOuts posts = new PostFanOuts(1, 2);
        posts.sent(0, 0);
        posts.arrived(0, 1, MS);
        posts.arrived(0, 1, 2 * MS);

        assertThat(posts.complete(0)).isFalse();
        assertThat(posts.duplicates()).isEqualTo(1);
        assertThat(posts.missing(0)).isEqualTo(1);
    }
}
