package io.chatapp.devserver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.jivesoftware.database.ConnectionProvider;
import org.jivesoftware.util.JiveGlobals;

/**
 * Openfire's database connections for the dev server, pooled by HikariCP. Openfire's own default provider
 * (Proxool) needs {@code --add-opens} on JDK 17+; this one needs no JVM flags. Openfire instantiates it by class
 * name from {@code conf/openfire.xml} and it reads its settings from there too.
 */
public final class HikariConnectionProvider implements ConnectionProvider {

    static final String PREFIX = "database.chatappProvider.";

    private HikariDataSource pool;

    @Override
    public boolean isPooled() {
        return true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (pool == null) {
            throw new SQLException("The connection provider is not started");
        }
        return pool.getConnection();
    }

    @Override
    public synchronized void start() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("openfire-db");
        config.setJdbcUrl(JiveGlobals.getXMLProperty(PREFIX + "serverURL"));
        config.setUsername(JiveGlobals.getXMLProperty(PREFIX + "username"));
        config.setPassword(JiveGlobals.getXMLProperty(PREFIX + "password"));
        config.setMaximumPoolSize(JiveGlobals.getXMLProperty(PREFIX + "maxConnections", 20));
        config.setMinimumIdle(2);
        pool = new HikariDataSource(config);
    }

    @Override
    public synchronized void restart() {
        destroy();
        start();
    }

    @Override
    public synchronized void destroy() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
