package io.chatapp.devserver;

import io.chatapp.devserver.control.DevControlPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Lays out an Openfire home directory: {@code conf/openfire.xml}, TLS stores under {@code resources/security},
 * and the plugins folder with the chat-app plugin jar exactly as an operator would drop it in.
 */
final class OpenfireHome {

    static final String STORE_PASSWORD = "changeit";
    static final String PLUGIN_JAR = "chatapp.jar";
    /** Where the Openfire 5.2 target's {@link OpenfireProcessLauncher} class file is put, under the home. */
    static final String LAUNCHER_DIRECTORY = "launcher";
    private static final String CONTROL_PLUGIN = "chatapp-devcontrol";

    private final Path home;

    OpenfireHome(Path home) {
        this.home = home;
    }

    Path path() {
        return home;
    }

    Path pluginsDirectory() {
        return home.resolve("plugins");
    }

    Path certificatePem() {
        return home.resolve("resources/security/server-certificate.pem");
    }

    void prepare(DatabaseConfig database, String domain, String hostname, boolean plugin)
            throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("resources/security"));
        Files.writeString(home.resolve("conf/openfire.xml"), openfireXml(database));
        // Openfire 4.2 reads (and logs an error without) a second XML file for encrypted-property settings.
        Files.writeString(home.resolve("conf/security.xml"), "<security></security>\n");
        writeTlsStores(domain, hostname);
        installAdminPlaceholder();
        installPlugin(plugin);
    }

    /**
     * Lays out an unpacked Openfire 5.2 distribution (its own admin console plugin, left off by closing its ports)
     * as {@link #prepare} does 4.2's, with Openfire's own connection pool on the PostgreSQL driver it ships, the dev
     * server's control plugin, and the launcher class for the separate process.
     */
    void prepareDistribution(DatabaseConfig database, String domain, String hostname, boolean plugin)
            throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("logs"));
        Files.writeString(home.resolve("conf/openfire.xml"), distributionXml(database));
        writeTlsStores(domain, hostname);
        installPlugin(plugin);
        installControlPlugin();
        copyClass(OpenfireProcessLauncher.class, home.resolve(LAUNCHER_DIRECTORY));
    }

    private static String openfireXml(DatabaseConfig database) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the chat-app dev server at every start. Server settings live in ofProperty. -->
                <jive>
                  <adminConsole>
                    <!-- Openfire's admin console is not published on Maven Central. -->
                    <port>-1</port>
                    <securePort>-1</securePort>
                  </adminConsole>
                  <locale>en</locale>
                  <connectionProvider>
                    <className>%s</className>
                  </connectionProvider>
                  <database>
                    <chatappProvider>
                      <serverURL>%s</serverURL>
                      <username>%s</username>
                      <password>%s</password>
                      <maxConnections>20</maxConnections>
                    </chatappProvider>
                  </database>
                  <setup>true</setup>
                </jive>
                """.formatted(HikariConnectionProvider.class.getName(), xml(database.jdbcUrl()),
                xml(database.username()), xml(database.password()));
    }

    private static String distributionXml(DatabaseConfig database) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the chat-app dev server at every start. Server settings live in ofProperty. -->
                <jive>
                  <adminConsole>
                    <port>-1</port>
                    <securePort>-1</securePort>
                  </adminConsole>
                  <locale>en</locale>
                  <connectionProvider>
                    <className>org.jivesoftware.database.DefaultConnectionProvider</className>
                  </connectionProvider>
                  <database>
                    <defaultProvider>
                      <driver>org.postgresql.Driver</driver>
                      <serverURL>%s</serverURL>
                      <username>%s</username>
                      <password>%s</password>
                      <testSQL>SELECT 1</testSQL>
                      <minConnections>2</minConnections>
                      <maxConnections>20</maxConnections>
                    </defaultProvider>
                  </database>
                  <setup>true</setup>
                </jive>
                """.formatted(xml(database.jdbcUrl()), xml(database.username()), xml(database.password()));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A self-signed certificate for the domain, made once and kept, so clients can pin it across restarts. */
    private void writeTlsStores(String domain, String hostname) throws IOException, InterruptedException {
        Path security = home.resolve("resources/security");
        Path keystore = security.resolve("keystore");
        if (!Files.exists(keystore)) {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            String san = "dns:" + domain + (hostname.equals(domain) ? "" : ",dns:" + hostname)
                    + (domain.equals("localhost") || hostname.equals("localhost") ? "" : ",dns:localhost")
                    + ",ip:127.0.0.1";
            run(List.of(keytool, "-genkeypair", "-keystore", keystore.toString(), "-storetype", "jks",
                    "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD, "-alias", domain + "_rsa",
                    "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650", "-dname", "CN=" + domain,
                    "-ext", "san=" + san));
            run(List.of(keytool, "-exportcert", "-rfc", "-keystore", keystore.toString(), "-storepass",
                    STORE_PASSWORD, "-alias", domain + "_rsa", "-file", certificatePem().toString()));
        }
        for (String trustStore : List.of("truststore", "client.truststore")) {
            Path file = security.resolve(trustStore);
            if (!Files.exists(file)) {
                writeEmptyKeyStore(file);
            }
        }
    }

    private static void writeEmptyKeyStore(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.store(out, STORE_PASSWORD.toCharArray());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("Cannot create " + file, e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * A no-op "admin" plugin: Openfire 4.2 treats the first plugin it finds as its admin console when there is
     * none, which would hide ours.
     */
    private void installAdminPlaceholder() throws IOException {
        Path admin = pluginsDirectory().resolve("admin");
        Files.createDirectories(admin);
        Files.writeString(admin.resolve("plugin.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <plugin>
                    <class>%s</class>
                    <name>admin</name>
                    <description>Placeholder: the admin console is not part of the dev server.</description>
                    <author>chat-app</author>
                    <version>4.2.0</version>
                    <minServerVersion>4.2.0</minServerVersion>
                </plugin>
                """.formatted(NoopAdminPlugin.class.getName()));
    }

    /**
     * Installs the plugin jar bundled with the dev server (replacing an older one, which makes Openfire reload it).
     * Without the plugin, removes any jar or extracted folder an earlier start left.
     */
    private void installPlugin(boolean plugin) throws IOException {
        Path plugins = pluginsDirectory();
        Files.createDirectories(plugins);
        if (!plugin) {
            deleteRecursively(plugins.resolve("chatapp"));
            Files.deleteIfExists(plugins.resolve(PLUGIN_JAR));
            return;
        }
        byte[] bundled;
        try (InputStream in = OpenfireHome.class.getResourceAsStream("plugin/" + PLUGIN_JAR)) {
            if (in == null) {
                throw new IOException("The dev server was built without the plugin jar (plugin/" + PLUGIN_JAR + ")");
            }
            bundled = in.readAllBytes();
        }
        Path target = plugins.resolve(PLUGIN_JAR);
        if (!Files.exists(target) || !Arrays.equals(sha256(Files.readAllBytes(target)), sha256(bundled))) {
            // A stale extracted folder would be loaded instead of the new jar.
            deleteRecursively(plugins.resolve("chatapp"));
            Path temporary = plugins.resolve(PLUGIN_JAR + ".part");
            Files.write(temporary, bundled);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Openfire's own PostgreSQL script from the unpacked distribution, less the stock {@code admin}/{@code admin}
     * account it seeds for the setup wizard (4.2's target has no such account either).
     */
    String distributionSchemaScript() throws IOException {
        return Files.readString(home.resolve("resources/database/openfire_postgresql.sql"))
                + "\nDELETE FROM ofUser WHERE username = 'admin';\n";
    }

    /**
     * The control plugin as a plugin jar ({@code plugin.xml} and {@code classes/}): Openfire 5.x takes a plugin
     * folder without its jar for a removed plugin and deletes it.
     */
    private void installControlPlugin() throws IOException {
        String pluginXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <plugin>
                    <class>%s</class>
                    <name>%s</name>
                    <description>Lets the chat-app test harness create and look up accounts.</description>
                    <author>chat-app</author>
                    <version>1.0.0</version>
                    <minServerVersion>4.2.0</minServerVersion>
                </plugin>
                """.formatted(DevControlPlugin.class.getName(), CONTROL_PLUGIN);
        Path jar = pluginsDirectory().resolve(CONTROL_PLUGIN + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("plugin.xml"));
            out.write(pluginXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("classes/" + classFile(DevControlPlugin.class)));
            out.write(classBytes(DevControlPlugin.class));
        }
    }

    /** Copies a top-level class's file (it must have no nested classes) under {@code root} by its package. */
    private static void copyClass(Class<?> type, Path root) throws IOException {
        Path target = root.resolve(classFile(type));
        Files.createDirectories(target.getParent());
        Files.write(target, classBytes(type));
    }

    private static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + classFile(type))) {
            if (in == null) {
                throw new IOException("Missing class file " + classFile(type));
            }
            return in.readAllBytes();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
