package io.chatapp.devserver;

/** JDBC coordinates of a PostgreSQL database. */
public record DatabaseConfig(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
