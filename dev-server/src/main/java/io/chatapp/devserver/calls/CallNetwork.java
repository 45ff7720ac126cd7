package io.chatapp.devserver.calls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for call tests: libwebrtc gathers no candidates on loopback, so each call party runs in a
 * namespace of its own with one veth link to a bridge in the test's namespace. The bridge has the address
 * {@link #serverAddress()}, where the test's server (listening on every interface) is reachable, and the parties
 * reach each other through it. Needs root (tests and CI run as root) and iproute2 ({@code ip}, and {@code tc} for
 * {@link #limit}).
 */
public final class CallNetwork implements AutoCloseable {

    private final String prefix;
    private final String subnet;
    private final String bridge;
    private final List<String> namespaces = new ArrayList<>();

    private CallNetwork() throws IOException, InterruptedException {
        int tag = ThreadLocalRandom.current().nextInt(1000, 9999);
        this.prefix = "ca" + tag;
        this.subnet = "10." + ThreadLocalRandom.current().nextInt(100, 250) + "." + (tag % 250) + ".";
        this.bridge = prefix + "br";
        ip("link", "add", bridge, "type", "bridge");
        ip("addr", "add", subnet + "1/24", "dev", bridge);
        ip("link", "set", bridge, "up");
    }

    public static CallNetwork create() throws IOException, InterruptedException {
        return new CallNetwork();
    }

    /** Whether this machine can make namespaces (root with iproute2); call tests are skipped otherwise. */
    public static boolean available() {
        try {
            return new ProcessBuilder("ip", "netns", "list").start().waitFor() == 0
                    && "root".equals(System.getProperty("user.name"));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The test namespace's address on the bridge. */
    public String serverAddress() {
        return subnet + "1";
    }

    /** A new namespace linked to the bridge; returns its name. */
    public String addParty() throws IOException, InterruptedException {
        int index = namespaces.size();
        String namespace = prefix + "-" + index;
        String hostSide = prefix + "h" + index;
        String partySide = prefix + "p" + index;
        ip("netns", "add", namespace);
        namespaces.add(namespace);
        ip("link", "add", hostSide, "type", "veth", "peer", "name", partySide);
        ip("link", "set", hostSide, "master", bridge);
        ip("link", "set", hostSide, "up");
        ip("link", "set", partySide, "netns", namespace);
        ip("netns", "exec", namespace, "ip", "addr", "add", subnet + (10 + index) + "/24", "dev", partySide);
        ip("netns", "exec", namespace, "ip", "link", "set", partySide, "up");
        ip("netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        return namespace;
    }

    /** Takes a party's link down (true) or up again, as a network cut. */
    public void cut(int party, boolean down) throws IOException, InterruptedException {
        ip("link", "set", prefix + "h" + party, down ? "down" : "up");
    }

    /**
     * Narrows what a party sends to {@code kbit} kbit/s with a token bucket ({@code tc tbf}) on its end of the link,
     * queueing up to 1 s (as mobile uplinks do) and dropping beyond.
     */
    public void limit(int party, int kbit) throws IOException, InterruptedException {
        run("ip", "netns", "exec", namespaces.get(party), "tc", "qdisc", "replace", "dev", prefix + "p" + party,
                "root", "tbf", "rate", kbit + "kbit", "burst", "15000", "latency", "1000ms");
    }

    /** Lifts {@link #limit}. */
    public void unlimit(int party) throws IOException, InterruptedException {
        run("ip", "netns", "exec", namespaces.get(party), "tc", "qdisc", "del", "dev", prefix + "p" + party, "root");
    }

    /**
     * Gives a party another address on its link and takes the old one away, as a device moving to another network:
     * whatever was bound to the old address (ICE candidates, TCP connections) is dead for good.
     */
    public void readdress(int party) throws IOException, InterruptedException {
        String device = prefix + "p" + party;
        ip("netns", "exec", namespaces.get(party), "ip", "addr", "del", subnet + (10 + party) + "/24", "dev", device);
        ip("netns", "exec", namespaces.get(party), "ip", "addr", "add", subnet + (50 + party) + "/24", "dev", device);
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private static void run(String... args) throws IOException, InterruptedException {
        List<String> command = List.of(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: "
                    + new String(process.getInputStream().readAllBytes()));
        }
    }

    @Override
    public void close() {
        for (String namespace : namespaces) {
            quietly("netns", "del", namespace); // removes its veth end, and so the pair
        }
        quietly("link", "del", bridge);
    }

    private static void quietly(String... args) {
        try {
            ip(args);
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
