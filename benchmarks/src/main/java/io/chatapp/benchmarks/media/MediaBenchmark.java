package io.chatapp.benchmarks.media;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Media throughput over loopback against the dev server with the plugin, in this JVM (issue 6 targets: a 100 MB
 * upload and download at 300 MB/s or more each way; 1,000 or more downloads per second of a 100 KB file with 32
 * concurrent clients; server heap flat whatever the file size). Slots come from the XEP-0363 service over XMPP, the
 * bytes go over plain HTTP with the JDK's client, streamed from and to nowhere (a file, a discarding sink). After
 * each phase the used heap after a full GC is printed: client and server share this JVM, and the client holds no
 * file in memory either, so growth would be the server's.
 *
 * <p>Arguments (all optional): {@code --megabytes 100 --small-kilobytes 100 --clients 32 --seconds 20
 * --http-threads 16}.
 */
public final class MediaBenchmark {

    private static final Pattern PUT = Pattern.compile("<put url='([^']+)'");
    private static final Pattern GET = Pattern.compile("<get url='([^']+)'");
    private static final String PASSWORD = "bench-password-1";

    private MediaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = option(args, "--megabytes", 100);
        int smallKilobytes = option(args, "--small-kilobytes", 100);
        int clients = option(args, "--clients", 32);
        int seconds = option(args, "--seconds", 20);
        int httpThreads = option(args, "--http-threads", 16);
        LoadGenerators.runInTemporaryFolderAndExit("media-benchmark-", data -> {
            try (DevServer server = DevServer.start(DevServerConfig.forTests(data)
                    .withProperty("chatapp.media.maxFileBytes", Long.toString((megabytes + 1L) << 20))
                    .withProperty("chatapp.media.userQuotaBytes", "0")
                    .withProperty("chatapp.http.threads", Integer.toString(httpThreads)))) {
                server.createUser("bench-media", PASSWORD);
                XMPPTCPConnection xmpp = login(server);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(4)).build();
                System.out.printf("Heap before: %s%n", heap());

                Path big = data.resolve("big.bin");
                writeRandom(big, (long) megabytes << 20);
                // Three uploads, each to a slot of its own: the first runs with a cold JIT, as the first downloads do.
                String[] slot = null;
                for (int round = 0; round < 3; round++) {
                    slot = slot(xmpp, server, "big-" + round + ".bin", Files.size(big));
                    long start = System.nanoTime();
                    upload(slot[0], big);
                    double upload = rate(Files.size(big), System.nanoTime() - start);
                    System.out.printf("Upload %d MB (round %d): %.0f MB/s; heap after: %s%n", megabytes, round + 1,
                            upload, heap());
                }
                for (int round = 0; round < 3; round++) {
                    long start = System.nanoTime();
                    long received = download(slot[1]);
                    System.out.printf("Download %d MB (round %d): %.0f MB/s; heap after: %s%n", megabytes,
                            round + 1, rate(received, System.nanoTime() - start), heap());
                }

                byte[] small = new byte[smallKilobytes * 1024];
                new Random(1).nextBytes(small);
                String[] smallSlot = slot(xmpp, server, "small.bin", small.length);
                http.send(HttpRequest.newBuilder(URI.create(smallSlot[0]))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(small)).build(),
                        HttpResponse.BodyHandlers.discarding());
                manySmallDownloads(smallSlot[1], clients, 3, smallKilobytes, "warm-up");
                manySmallDownloads(smallSlot[1], clients, seconds, smallKilobytes, "measured");
                System.out.printf("Heap after the small downloads: %s%n", heap());
                xmpp.disconnect();
            }
        });
    }

    private static void manySmallDownloads(String url, int clients, int seconds, int kilobytes, String label)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // One client (one keep-alive connection) per worker, as 32 separate users would have.
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            workers.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                while (System.nanoTime() < end) {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200 && response.body().length == kilobytes * 1024) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("%d KB downloads, %d clients, %d s (%s): %.0f/s (%d failed)%n", kilobytes, clients,
                seconds, label, done.get() / (double) seconds, failed.get());
    }

    /** A large upload streamed from the file over a blocking {@link HttpURLConnection} (see {@link #download}). */
    private static void upload(String url, Path file) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(Files.size(file));
        connection.setRequestProperty("Content-Type", "application/octet-stream");
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file); OutputStream out = connection.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
        int status = connection.getResponseCode();
        if (status != 201) {
            throw new IllegalStateException("upload failed: " + status);
        }
        connection.getInputStream().close();
    }

    /**
     * A large download over a blocking {@link HttpURLConnection}: the JDK's asynchronous {@code HttpClient} tops out
     * near the targets itself on two cores, and this benchmark measures the server, not the client.
     */
    private static long download(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        long total = 0;
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = connection.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        }
        return total;
    }

    private static XMPPTCPConnection login(DevServer server) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain()).setHost("127.0.0.1").setPort(server.xmppPort())
                .setSecurityMode(SecurityMode.disabled).build());
        connection.connect().login("bench-media", PASSWORD);
        return connection;
    }

    /** PUT and GET URL of a XEP-0363 slot for an octet stream. */
    private static String[] slot(XMPPTCPConnection xmpp, DevServer server, String name, long size)
            throws Exception {
        SlotRequest request = new SlotRequest(name, size);
        request.setType(IQ.Type.get);
        request.setTo(JidCreate.from("upload." + server.domain()));
        try (StanzaCollector answers = xmpp.createStanzaCollectorAndSend(new StanzaIdFilter(request.getStanzaId()),
                request)) {
            Stanza answer = answers.nextResultOrThrow(10_000);
            // Smack keeps a payload it has no provider for as text and escapes it again when printing it: once for
            // that, once for the attribute.
            String xml = answer.toXML().toString().replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&").replace("&amp;", "&");
            Matcher put = PUT.matcher(xml);
            Matcher get = GET.matcher(xml);
            if (!put.find() || !get.find()) {
                throw new IllegalStateException("no slot: " + xml);
            }
            return new String[] {put.group(1), get.group(1)};
        }
    }

    /** The XEP-0363 slot request. */
    private static final class SlotRequest extends IQ {

        private final String name;
        private final long size;

        SlotRequest(String name, long size) {
            super("request", "urn:xmpp:http:upload:0");
            this.name = name;
            this.size = size;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.attribute("filename", name).attribute("size", Long.toString(size))
                    .attribute("content-type", "application/octet-stream");
            xml.setEmptyElement();
            return xml;
        }
    }

    private static void writeRandom(Path file, long bytes) throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private static double rate(long bytes, long nanos) {
        return bytes / 1_048_576.0 / (nanos / 1e9);
    }

    private static String heap() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return (used >> 20) + " MB used";
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
