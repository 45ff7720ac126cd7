package io.chatapp.plugin.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Records the Openfire nodes that run the plugin on this database (see migration V1). */
public final class PluginNodes {

    private final DataSource dataSource;

    public PluginNodes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void register(String nodeId, String version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO plugin_node (node_id, plugin_version, started_at, last_seen_at)"
                             + " VALUES (?, ?, now(), now())"
                             + " ON CONFLICT (node_id) DO UPDATE SET plugin_version = EXCLUDED.plugin_version,"
                             + " started_at = now(), last_seen_at = now()")) {
            upsert.setString(1, nodeId);
            upsert.setString(2, version);
            upsert.executeUpdate();
        }
    }
}
