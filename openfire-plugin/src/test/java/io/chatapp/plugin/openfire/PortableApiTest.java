package io.chatapp.plugin.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the portable Openfire API rule of docs/architecture.md on the plugin's sources: only a feature's
 * {@code openfire} sub-package (and the shared {@code io.chatapp.plugin.openfire}) touches Openfire, and only through
 * the part of its API that Openfire 4.2 and 5.x share.
 */
class PortableApiTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern OPENFIRE_REFERENCE = Pattern.compile(
            "\\b(org\\.jivesoftware|org\\.xmpp\\.component)\\.[\\w.]+");

    /** The Openfire classes the bindings may use (see "Portable Openfire API" in docs/architecture.md). */
    private static final Set<String> ALLOWED = Set.of(
            "org.jivesoftware.openfire.container.Plugin",
            "org.jivesoftware.openfire.container.PluginManager",
            "org.jivesoftware.openfire.handler.IQHandler",
            "org.jivesoftware.openfire.IQHandlerInfo",
            "org.jivesoftware.openfire.IQRouter",
            "org.jivesoftware.openfire.interceptor.InterceptorManager",
            "org.jivesoftware.openfire.interceptor.PacketInterceptor",
            "org.jivesoftware.openfire.interceptor.PacketRejectedException",
            "org.jivesoftware.openfire.PacketRouter",
            "org.jivesoftware.openfire.user.UserManager",
            "org.jivesoftware.openfire.roster.RosterManager",
            "org.jivesoftware.openfire.roster.Roster",
            "org.jivesoftware.openfire.roster.RosterItem",
            "org.jivesoftware.openfire.user.User",
            "org.jivesoftware.openfire.user.UserNotFoundException",
            "org.jivesoftware.openfire.user.UserAlreadyExistsException",
            "org.jivesoftware.openfire.auth.AuthFactory",
            "org.jivesoftware.openfire.auth.UnauthorizedException",
            "org.jivesoftware.openfire.net.SASLAuthentication",
            "org.jivesoftware.openfire.sasl.Failure",
            "org.jivesoftware.openfire.sasl.SaslFailureException",
            "org.jivesoftware.util.JiveGlobals",
            "org.jivesoftware.openfire.disco.IQDiscoInfoHandler",
            "org.jivesoftware.openfire.SessionManager",
            "org.jivesoftware.openfire.session.ClientSession",
            "org.jivesoftware.openfire.session.Session",
            // isDetached() only (push: a XEP-0198 session waiting for resumption); same signature in 4.2.0 and 5.2.
            "org.jivesoftware.openfire.session.LocalSession",
            "org.jivesoftware.openfire.XMPPServer",
            "org.jivesoftware.openfire.XMPPServerInfo",
            // getMultiUserChatService(String) only; the service is created by reflection (GroupsMucService).
            "org.jivesoftware.openfire.muc.MultiUserChatManager",
            // Tinder's component API (the upload service); Openfire 4.2 to 5.x implement it unchanged.
            "org.xmpp.component.Component",
            "org.xmpp.component.ComponentManager",
            "org.xmpp.component.ComponentManagerFactory",
            "org.xmpp.component.ComponentException");

    @Test
    void onlyOpenfirePackagesReferenceOpenfire() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            if (!isBinding(file) && OPENFIRE_REFERENCE.matcher(Files.readString(file)).find()) {
                offenders.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(offenders).as("domain code importing Openfire").isEmpty();
    }

    @Test
    void theBindingsUseOnlyThePortableApi() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : bindings()) {
            Matcher reference = OPENFIRE_REFERENCE.matcher(Files.readString(file));
            while (reference.find()) {
                if (!ALLOWED.contains(reference.group())) {
                    offenders.add(SOURCES.relativize(file) + ": " + reference.group());
                }
            }
        }
        assertThat(offenders).as("Openfire API outside the portable set").isEmpty();
    }

    @Test
    void theBindingsNeverCallPropertySetters() throws IOException {
        for (Path file : bindings()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainPattern("JiveGlobals\\.(set\\w*Property|deleteProperty)");
        }
    }

    /**
     * Openfire 5.x fills in a missing {@code to} with the sender's bare JID before the handlers see a request, 4.2
     * does not: a local part in {@code to} does not mean "someone else" (docs/architecture.md, "Behaviours that
     * differ"). Handlers ask {@code AsyncIqHandler.forOwnAccount} instead of testing it themselves (an interceptor
     * may still look at the local part of a stanza's real recipient).
     */
    @Test
    void noBindingTellsTheServerFromAnAccountByTheLocalPartOfTo() throws IOException {
        Pattern localPartOfTo = Pattern.compile("\\bto\\.getNode\\(\\)|getTo\\(\\)\\.getNode\\(\\)");
        for (Path file : bindings()) {
            String source = Files.readString(file);
            if (source.contains("extends AsyncIqHandler")) {
                assertThat(source).as(file.toString()).doesNotContainPattern(localPartOfTo);
            }
        }
    }

    @Test
    void everyFeatureBindingIsFound() throws IOException {
        assertThat(bindings()).extracting(file -> file.getFileName().toString()).contains("ChatAppPlugin.java",
                "ArchiveBinding.java", "GroupsBinding.java", "AccountsBinding.java", "MediaBinding.java");
    }

    /** A class in a package named {@code openfire}: the shared one or a feature's binding. */
    private static boolean isBinding(Path file) {
        return file.getParent().getFileName().toString().equals("openfire");
    }

    private static List<Path> bindings() throws IOException {
        return javaFiles(SOURCES).stream().filter(PortableApiTest::isBinding).toList();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }
}
