package io.chatapp.plugin.stories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final String LOCK = "hashtext('chatapp-stories-cleanup')";

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
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                return 0;
            }
            try {
                int removed = 0;
                List<Story> batch;
                do {
                    batch = store.expired(clock.instant(), BATCH);
                    stories.remove(batch);
                    removed += batch.size();
                } while (batch.size() == BATCH);
                return removed;
            } finally {
                try (PreparedStatement unlock = lockHolder.prepareStatement("SELECT pg_advisory_unlock(" + LOCK
                        + ")")) {
                    unlock.execute();
                }
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(" + LOCK + ")");
             ResultSet row = lock.executeQuery()) {
            return row.next() && row.getBoolean(1);
        }
    }
}
