package io.chatapp.plugin.stories;

import io.chatapp.plugin.storage.AdvisoryLocks;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes expired stories with their views and files, in batches so reads are never blocked for long. Expired
 * stories are already hidden by every read path; this only frees their space. When several nodes share the
 * database, one runs it at a time: it holds a PostgreSQL advisory lock while it works and the others skip their turn.
 */
public final class StoryCleanup {

    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final StoryStore store;
    private final StoryService stories;
    private final Clock clock;

    public StoryCleanup(DataSource dataSource, StoryStore store, StoryService stories, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.stories = stories;
        this.clock = clock;
    }

    /** Removes every story expired now unless another node is at it; returns how many this run removed. */
    public int run() throws Exception {
        return AdvisoryLocks.runAlone(dataSource, "chatapp-stories-cleanup", () -> {
            int removed = 0;
            List<Story> batch;
            do {
                batch = store.expired(clock.instant(), BATCH);
                stories.remove(batch);
                removed += batch.size();
            } while (batch.size() == BATCH);
            return removed;
        }).orElse(0);
    }
}
