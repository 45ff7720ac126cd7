package io.chatapp.cli;

import io.chatapp.client.CallEvent;
import io.chatapp.client.CallQuality;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code /call USER [--video]}, {@code /accept}, {@code /reject}, {@code /hangup}, {@code /mute [on|off]},
 * {@code /camera on|off}: one voice or video call at a time, and the lines its events show (an incoming call rings
 * the terminal's bell). {@code /accept JID} (a contact request) stays with the shell.
 */
final class CallCommands {

    /** The commands, for the shell's table and completion. */
    static final Set<String> NAMES = Set.of("/call", "/reject", "/hangup", "/mute", "/camera", "/video");

    static final List<String> HELP = List.of(
            "  /call USER [--video]  call USER (voice; with --video, video too)",
            "  /accept              answer the incoming call (/accept JID: a contact request)",
            "  /reject              reject the incoming call",
            "  /hangup              end the call (or withdraw it while it rings)",
            "  /mute [on|off]       mute or unmute your microphone in a call (alone: toggle)",
            "  /camera on|off       turn your camera on or off in a video call (on, in a voice call: /video on)",
            "  /video on|off        ask to add video to a voice call, or go back to voice only",
            "  /video accept|decline  answer the other side's request to add video");

    /** The bell character: the terminal rings for an incoming call. */
    static final String BELL = "\u0007";

    private final CallControl calls;
    private final Consumer<String> printer;
    private final UnaryOperator<String> address;

    CallCommands(CallControl calls, Consumer<String> printer, UnaryOperator<String> address) {
        this.calls = calls;
        this.printer = printer;
        this.address = address;
    }

    /** Runs one of {@link #NAMES}, or {@code /accept} without arguments. */
    void run(String name, String rest) {
        String argument = rest.strip();
        switch (name) {
            case "/call" -> call(argument);
            case "/accept" -> calls.accept();
            case "/reject" -> calls.reject();
            case "/hangup" -> calls.hangUp();
            case "/mute" -> mute(argument);
            case "/camera" -> camera(argument);
            case "/video" -> video(argument);
            default -> throw new IllegalArgumentException(name);
        }
    }

    private void call(String argument) {
        String[] words = argument.isEmpty() ? new String[0] : argument.split("\\s+");
        boolean video = List.of(words).contains("--video");
        List<String> users = List.of(words).stream().filter(w -> !w.equals("--video")).toList();
        if (users.size() != 1) {
            throw new CliException("usage: /call USER [--video]");
        }
        String jid = address.apply(users.get(0));
        calls.call(jid, video);
        printer.accept("Calling " + jid + (video ? " (video)" : "") + "… /hangup to stop");
    }

    private void mute(String argument) {
        boolean muted = switch (argument) {
            case "" -> !calls.microphoneMuted();
            case "on" -> true;
            case "off" -> false;
            default -> throw new CliException("usage: /mute [on|off]");
        };
        calls.muteMicrophone(muted);
        printer.accept(muted ? "Microphone muted" : "Microphone on");
    }

    private void camera(String argument) {
        if (!argument.equals("on") && !argument.equals("off")) {
            throw new CliException("usage: /camera on|off");
        }
        if (argument.equals("on") && !calls.videoCall()) {
            video("on"); // a voice call: turning the camera on asks to add video
            return;
        }
        calls.camera(argument.equals("on"));
        printer.accept("Camera " + argument);
    }

    private void video(String argument) {
        switch (argument) {
            case "on" -> {
                calls.addVideo();
                printer.accept("Asking to add video…");
            }
            case "off" -> {
                calls.removeVideo();
                printer.accept("Back to voice only…");
            }
            case "accept" -> calls.answerVideo(true);
            case "decline" -> {
                calls.answerVideo(false);
                printer.accept("Video declined; the call stays voice only");
            }
            default -> throw new CliException("usage: /video on|off|accept|decline");
        }
    }

    /** The line a call event shows; null for none. */
    static String eventLine(CallEvent event) {
        String peer = event.call().peer();
        String kind = event.call().video() ? "video call" : "call";
        if (event instanceof CallEvent.Incoming) {
            return BELL + "Incoming " + kind + " from " + peer + ": /accept or /reject";
        } else if (event instanceof CallEvent.Ringing) {
            return "Ringing " + peer + "…";
        } else if (event instanceof CallEvent.Connecting) {
            return "Connecting the " + kind + " with " + peer + "…";
        } else if (event instanceof CallEvent.Connected) {
            return "In a " + kind + " with " + peer + " (/mute, " + (event.call().video() ? "/camera, " : "")
                    + "/hangup)";
        } else if (event instanceof CallEvent.Reconnecting) {
            return "Connection lost; reconnecting the " + kind + " with " + peer + "…";
        } else if (event instanceof CallEvent.Ended ended) {
            return "Call with " + peer + " ended: " + reason(ended) + duration(ended.duration());
        } else if (event instanceof CallEvent.VideoRequested || event instanceof CallEvent.VideoChanged
                || event instanceof CallEvent.VideoRefused) {
            return videoLine(event, peer);
        } else if (event instanceof CallEvent.PeerMediaChanged changed) {
            return peer + (changed.microphoneMuted() ? " muted the microphone" : " unmuted the microphone")
                    + (event.call().video() ? (changed.cameraOn() ? ", camera on" : ", camera off") : "");
        } else if (event instanceof CallEvent.QualityChanged changed) {
            return qualityLine(changed.quality(), changed.availableKbps());
        }
        return null;
    }

    /** The line of a video request, change or refusal in the call with {@code peer}; null for other events. */
    static String videoLine(CallEvent event, String peer) {
        if (event instanceof CallEvent.VideoRequested) {
            return BELL + peer + " asks to add video: /video accept or /video decline";
        } else if (event instanceof CallEvent.VideoChanged changed) {
            return changed.video() ? "Video on in the call with " + peer + " (/camera, /video off)"
                    : (changed.byPeer() ? peer + " went back to voice only" : "Voice only again with " + peer);
        } else if (event instanceof CallEvent.VideoRefused refused) {
            return "No video: " + switch (refused.reason()) {
                case DECLINED -> peer + " declined it";
                case UNSUPPORTED -> peer + "'s app does not do video";
                case NOT_NOW -> "not possible now (the call is not connected, or a change is under way)";
            };
        }
        return null;
    }

    /** The line an adaptive video step shows: what this side now sends, and the bandwidth that made it so. */
    static String qualityLine(CallQuality quality, int availableKbps) {
        String step = switch (quality) {
            case HIGH -> "full quality";
            case MEDIUM -> "medium quality";
            case LOW -> "low quality";
            case MINIMAL -> "minimal quality";
        };
        return "Your video: " + step + " (the link carries about " + availableKbps + " kbit/s)";
    }

    private static String reason(CallEvent.Ended ended) {
        return switch (ended.reason()) {
            case HUNG_UP -> "you hung up";
            case PEER_HUNG_UP -> ended.call().peer() + " hung up";
            case REJECTED -> "you rejected it";
            case PEER_REJECTED -> ended.call().peer() + " rejected it";
            case CANCELLED -> "you cancelled it";
            case MISSED -> "missed call";
            case BUSY -> ended.call().peer() + " is busy";
            case ANSWERED_ELSEWHERE -> "answered on another device";
            case REJECTED_ELSEWHERE -> "rejected on another device";
            case NO_ANSWER -> "no answer";
            case FAILED -> "the call failed";
        };
    }

    private static String duration(Duration duration) {
        if (duration.isZero()) {
            return "";
        }
        long seconds = duration.toSeconds();
        return String.format(" (%d:%02d)", seconds / 60, seconds % 60);
    }
}
