package io.chatapp.interop;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.TestResult;
import org.igniterealtime.smack.inttest.XmppConnectionDescriptor;
import org.igniterealtime.smack.inttest.XmppConnectionManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * Runs Smack's own integration test suite (smack-integration-test) against one server, configured in code as its
 * {@code sinttest.*} properties would: the server's XMPP domain, STARTTLS required with the server's self-signed
 * certificate as the only one trusted, and the three test accounts registered in band (XEP-0077) and deleted afterwards by the
 * framework itself. The suite knows only a domain, not a port, so a connection type of our own (TCP to the loopback
 * address and the server's port) is the one every test uses.
 */
final class SmackSuite {

    /** Long enough for a shared, busy CI machine; a test waiting for what never comes waits this long. */
    private static final String REPLY_TIMEOUT_MILLIS = "10000";

    /**
     * Tests that cannot be pointed at the server: these low-level tests build their own connections from the domain
     * alone (DNS lookup, default port 5222), bypassing the connection types, and so never reach a server on another
     * port (or reach whatever else listens on 5222).
     */
    private static final String UNREACHABLE_TESTS =
            "ModularXmppClientToServerConnectionLowLevelIntegrationTest,StreamManagementTest";

    private SmackSuite() {
    }

    /** The connection type every test uses; fixed, so that low-level tests have the same name in every run. */
    private static final String CONNECTION = "chatapp-tcp";

    /** Runs the whole suite, or only {@code tests} ({@code Class.method}) when there are any. */
    static SuiteOutcome runAgainst(ServerProcess server, Set<String> tests) throws Exception {
        X509TrustManager trustManager = trusting(server.certificate());
        XmppConnectionManager.addConnectionDescriptor(XmppConnectionDescriptor
                .buildWith(XMPPTCPConnection.class, XMPPTCPConnectionConfiguration.class,
                        XMPPTCPConnectionConfiguration.Builder.class)
                .withNickname(CONNECTION)
                .applyExtraConfiguration(builder -> builder.setHostAddress(InetAddress.getLoopbackAddress())
                        .setPort(server.xmppPort()).setCustomX509TrustManager(trustManager))
                .build());
        try {
            Configuration.Builder configuration = Configuration.builder()
                    .setService(server.domain())
                    .setSecurityMode("required")
                    .setReplyTimeout(REPLY_TIMEOUT_MILLIS)
                    .setDefaultConnection(CONNECTION)
                    .setEnabledConnections(CONNECTION)
                    .setDisabledTests(UNREACHABLE_TESTS);
            if (!tests.isEmpty()) {
                configuration.setEnabledTests(String.join(",", tests));
            }
            return outcome(new SmackIntegrationTestFramework(configuration.build()).run());
        } finally {
            XmppConnectionManager.removeConnectionDescriptor(CONNECTION);
        }
    }

    private static SuiteOutcome outcome(TestRunResult run) {
        Map<String, SuiteOutcome.Result> results = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (TestResult passed : run.getSuccessfulTests()) {
            results.put(name(passed), SuiteOutcome.Result.PASSED);
        }
        for (FailedTest failed : run.getFailedTests()) {
            results.put(name(failed), SuiteOutcome.Result.FAILED);
            reasons.put(name(failed), summary(failed.failureReason));
        }
        for (TestNotPossible impossible : run.getNotPossibleTests()) {
            results.put(name(impossible), SuiteOutcome.Result.NOT_POSSIBLE);
            reasons.put(name(impossible), summary(impossible.testNotPossibleException));
        }
        run.getImpossibleTestClasses().forEach((testClass, reason) -> {
            results.put(testClass.getSimpleName(), SuiteOutcome.Result.NOT_POSSIBLE);
            reasons.put(testClass.getSimpleName(), summary(reason));
        });
        return new SuiteOutcome(results, reasons);
    }

    /** {@code Class.method}, and for a test run once per connection type, which one. */
    private static String name(TestResult result) {
        Method method = result.concreteTest.getMethod();
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        List<String> subdescriptions = result.concreteTest.getSubdescriptons();
        return subdescriptions.isEmpty() ? name : name + " " + subdescriptions;
    }

    /** The failure's type and message (the test's own, not the reflection wrapper's), on one line and cut short. */
    private static String summary(Throwable failure) {
        Throwable cause = failure instanceof InvocationTargetException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        String text = (cause.getClass().getSimpleName() + ": " + cause.getMessage()).replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Trusts exactly the server's self-signed certificate, as an operator would pin it. */
    private static X509TrustManager trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
