package io.chatapp.s3test;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the child JVM: runs S3Proxy and exits as soon as its parent goes away. The parent holds the child's
 * standard input open; when the parent ends, however abruptly (a test JVM killed by a time-out included), the pipe
 * closes and this JVM exits, so no S3Proxy outlives the tests that started it.
 */
public final class S3ProxyLauncher {

    private S3ProxyLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(S3ProxyLauncher::exitWhenParentGoes, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        // By name: S3Proxy is on this JVM's class path only, never on the class path this class is compiled with.
        Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGoes() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // the parent never writes; reading only waits for end of stream
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of stream
        }
        Runtime.getRuntime().halt(0);
    }
}
