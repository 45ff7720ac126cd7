package io.chatapp.devserver.calls;

import io.chatapp.client.Call;
import io.chatapp.client.CallEvent;
import io.chatapp.client.CallMedia;
import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.TlsPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One call party as a program, for {@link CallPartyProcess}: logs a library client in, prints every call event as a
 * line ({@code EVENT Incoming}, {@code EVENT Ended PEER_HUNG_UP 5120}…) and obeys commands on standard input
 * ({@code call USER video}, {@code accept}, {@code reject}, {@code hangup}, {@code mute on}, {@code camera off},
 * {@code video on|off|accept|decline}, {@code media}, {@code gap}). It runs in a network namespace of its own, so its
 * WebRTC has a real network. It also prints its connection states ({@code STATE RECONNECTING}…) and the calls' log
 * records ({@code LOG …}: ICE restarts, quality steps), and watches the received video for freezes ({@code gap}: the
 * longest time without a new decoded frame since the last {@code gap}). It reconnects 1 s after losing its XMPP
 * connection.
 *
 * <p>For the call benchmarks: {@code autoaccept on} answers every incoming call as soon as it rings, and
 * {@code timed-call USER video} places a call and prints {@code SETUP <sound> <frame>}: the milliseconds from the
 * propose until the first received sound and the first decoded video frame (-1: none within 30 s; always -1 for the
 * frame of an audio call), measured by this process's clock, polling every {@value #POLL_MILLIS} ms.
 *
 * <p>Arguments: host port domain certificate user password resource, then {@code relay-only} for a party whose
 * calls use only the server's TURN relay ({@link ChatClientConfig#relayOnlyCalls()}) or {@code any-route}.
 */
public final class CallParty {

    private static final long POLL_MILLIS = 5;
    private static final long SETUP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static volatile boolean autoAccept;
    private static final FrameWatch FRAMES = new FrameWatch();
    /** Held so the handler added to it stays (the log manager keeps loggers weakly). */
    private static final Logger CALL_LOGS = Logger.getLogger("io.chatapp.client.internal.calls");

    private CallParty() {
    }

    /** Polls the current call's decoded frames every 100 ms and keeps the longest time without a new one. */
    private static final class FrameWatch {
        private long frames;
        private long lastNewFrame = System.nanoTime();
        private long longestGap;

        void watch(ChatClient client) {
            Thread thread = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(100);
                        Call call = client.calls().current().orElse(null);
                        long now = call == null ? 0 : call.media().get(5, TimeUnit.SECONDS).receivedVideoFrames();
                        seen(now);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // no call, or it ended meanwhile
                    }
                }
            }, "frame-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void seen(long count) {
            long now = System.nanoTime();
            if (count != frames) {
                frames = count;
                lastNewFrame = now;
            } else if (count > 0) {
                longestGap = Math.max(longestGap, now - lastNewFrame);
            }
        }

        synchronized long longestGapMillis() {
            long gap = longestGap / 1_000_000;
            longestGap = 0;
            return gap;
        }
    }

    public static void main(String[] args) throws Exception {
        ChatClientConfig config = ChatClientConfig.builder(args[2]).host(args[0]).port(Integer.parseInt(args[1]))
                .tlsPolicy(TlsPolicy.REQUIRED).trustedCertificate(Path.of(args[3])).resource(args[6])
                .reconnectDelay(Duration.ofSeconds(1))
                .relayOnlyCalls(args.length > 7 && args[7].equals("relay-only")).build();
        try (ChatClient client = ChatClient.create(config)) {
            client.calls().onCallEvent(CallParty::print);
            client.onConnectionState(state -> System.out.println("STATE " + state));
            printCallLogs();
            FRAMES.watch(client);
            client.login(args[4], args[5]).get(30, TimeUnit.SECONDS);
            System.out.println("READY " + client.jid().orElseThrow());
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = input.readLine()) != null) {
                if (!obey(client, line.strip().split(" "))) {
                    break;
                }
            }
        }
        System.exit(0);
    }

    private static boolean obey(ChatClient client, String[] command) throws Exception {
        Call current = client.calls().current().orElse(null);
        switch (command[0]) {
            case "call" -> client.calls().call(command[1], command.length > 2 && command[2].equals("video"))
                    .get(10, TimeUnit.SECONDS);
            case "timed-call" -> timedCall(client, command[1], command.length > 2 && command[2].equals("video"));
            case "autoaccept" -> autoAccept = command[1].equals("on");
            case "accept" -> current.accept();
            case "reject" -> current.reject();
            case "hangup" -> current.hangUp();
            case "mute" -> current.muteMicrophone(command[1].equals("on"));
            case "camera" -> current.camera(command[1].equals("on"));
            case "video" -> video(current, command[1]);
            case "media" -> {
                CallMedia media = current == null ? CallMedia.NONE : current.media().get(10, TimeUnit.SECONDS);
                System.out.println("MEDIA " + media.receivedSoundMillis() + " " + media.receivedVideoFrames() + " "
                        + media.bytesSent());
            }
            case "gap" -> System.out.println("GAP " + FRAMES.longestGapMillis());
            case "quit" -> {
                return false;
            }
            default -> System.out.println("UNKNOWN " + command[0]);
        }
        return true;
    }

    /** Places a call and prints how long the first sound (and video frame) took to arrive, from the propose. */
    private static void timedCall(ChatClient client, String user, boolean video) throws Exception {
        long start = System.nanoTime();
        Call call = client.calls().call(user, video).get(10, TimeUnit.SECONDS);
        long sound = -1;
        long frame = -1;
        while ((sound < 0 || (video && frame < 0)) && System.nanoTime() - start < SETUP_TIMEOUT_NANOS) {
            CallMedia media = call.media().get(10, TimeUnit.SECONDS);
            long now = System.nanoTime();
            if (sound < 0 && media.receivedSoundMillis() > 0) {
                sound = TimeUnit.NANOSECONDS.toMillis(now - start);
            }
            if (frame < 0 && media.receivedVideoFrames() > 0) {
                frame = TimeUnit.NANOSECONDS.toMillis(now - start);
            }
            Thread.sleep(POLL_MILLIS);
        }
        System.out.println("SETUP " + sound + " " + frame);
    }

    /** {@code video on|off|accept|decline}: add or remove video, answer the peer's request. */
    private static void video(Call current, String action) {
        switch (action) {
            case "on" -> current.enableVideo();
            case "off" -> current.disableVideo();
            case "accept" -> current.acceptVideo();
            default -> current.declineVideo();
        }
    }

    /** The call internals' log records (ICE restarts, quality steps) as {@code LOG} lines, for tests to see. */
    private static void printCallLogs() {
        CALL_LOGS.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println("LOG " + new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static void print(CallEvent event) {
        String name = event.getClass().getSimpleName();
        String details = "";
        if (event instanceof CallEvent.Ended ended) {
            details = " " + ended.reason() + " " + ended.duration().toMillis();
        } else if (event instanceof CallEvent.PeerMediaChanged changed) {
            details = " " + changed.microphoneMuted() + " " + changed.cameraOn();
        } else if (event instanceof CallEvent.QualityChanged quality) {
            details = " " + quality.quality() + " " + quality.availableKbps();
        } else if (event instanceof CallEvent.VideoChanged changed) {
            details = " " + changed.video() + " " + changed.byPeer();
        } else if (event instanceof CallEvent.VideoRefused refused) {
            details = " " + refused.reason();
        } else if (event instanceof CallEvent.Incoming incoming) {
            details = " " + incoming.call().peer() + " " + incoming.call().video();
            if (autoAccept) {
                CompletableFuture.runAsync(incoming.call()::accept); // not on the thread telling us of the call
            }
        }
        System.out.println("EVENT " + name + details);
    }
}
