package io.chatapp.it;

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
import java.util.concurrent.TimeUnit;

/**
 * One call party as a program, for {@link CallPartyProcess}: logs a library client in, prints every call event as a
 * line ({@code EVENT Incoming}, {@code EVENT Ended PEER_HUNG_UP 5120}…) and obeys commands on standard input
 * ({@code call USER video}, {@code accept}, {@code reject}, {@code hangup}, {@code mute on}, {@code camera off},
 * {@code video on|off|accept|decline}, {@code media}). It runs in a network namespace of its own, so its WebRTC has a real network.
 *
 * <p>Arguments: host port domain certificate user password resource, then {@code relay-only} for a party whose
 * calls use only the server's TURN relay ({@link ChatClientConfig#relayOnlyCalls()}) or {@code any-route}.
 */
public final class CallParty {

    private CallParty() {
    }

    public static void main(String[] args) throws Exception {
        ChatClientConfig config = ChatClientConfig.builder(args[2]).host(args[0]).port(Integer.parseInt(args[1]))
                .tlsPolicy(TlsPolicy.REQUIRED).trustedCertificate(Path.of(args[3])).resource(args[6])
                .relayOnlyCalls(args.length > 7 && args[7].equals("relay-only")).build();
        try (ChatClient client = ChatClient.create(config)) {
            client.calls().onCallEvent(CallParty::print);
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
            case "quit" -> {
                return false;
            }
            default -> System.out.println("UNKNOWN " + command[0]);
        }
        return true;
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

    private static void print(CallEvent event) {
        String name = event.getClass().getSimpleName();
        String details = "";
        if (event instanceof CallEvent.Ended ended) {
            details = " " + ended.reason() + " " + ended.duration().toMillis();
        } else if (event instanceof CallEvent.PeerMediaChanged changed) {
            details = " " + changed.microphoneMuted() + " " + changed.cameraOn();
        } else if (event instanceof CallEvent.VideoChanged changed) {
            details = " " + changed.video() + " " + changed.byPeer();
        } else if (event instanceof CallEvent.VideoRefused refused) {
            details = " " + refused.reason();
        } else if (event instanceof CallEvent.Incoming incoming) {
            details = " " + incoming.call().peer() + " " + incoming.call().video();
        }
        System.out.println("EVENT " + name + details);
    }
}
