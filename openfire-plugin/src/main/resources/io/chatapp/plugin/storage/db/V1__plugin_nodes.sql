-- Every Openfire node that runs the plugin records itself here at start-up and on each health check.
-- Later features use it to pick one node for cluster-wide jobs (media cleanup, key rotation).
CREATE TABLE plugin_node (
    node_id        TEXT PRIMARY KEY,
    plugin_version TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL
);
