package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.JingleIQ;
import io.chatapp.client.internal.calls.jingle.UnknownSession;
import io.chatapp.client.internal.calls.jmi.Finish;
import io.chatapp.client.internal.calls.jmi.JmiElement;
import io.chatapp.client.internal.calls.jmi.Proceed;
import io.chatapp.client.internal.calls.jmi.Propose;
import io.chatapp.client.internal.calls.jmi.Reject;
import io.chatapp.client.internal.calls.jmi.Retract;
import io.chatapp.client.internal.calls.jmi.Ringing;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * Registers the call elements' providers with Smack, once per JVM. The nested elements are read by their parents'
 * providers; only top-level ones (the Jingle IQ, the JMI message elements, the Jingle error) are registered. Smack's
 * own experimental Jingle provider is replaced, since it reads no RTP description.
 */
public final class CallsProviders {

    private static volatile boolean registered;

    private CallsProviders() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        SmackConfiguration.getVersion(); // loads Smack's providers first, so ours replace theirs
        ProviderManager.addIQProvider(JingleIQ.ELEMENT, JingleIQ.NAMESPACE, new JingleIQ.Provider());
        ProviderManager.addIQProvider(ExternalServicesIQ.ELEMENT, ExternalServicesIQ.NAMESPACE,
                new ExternalServicesIQ.Provider());
        ProviderManager.addExtensionProvider(UnknownSession.QNAME.getLocalPart(), UnknownSession.NAMESPACE,
                new UnknownSession.Provider());
        String ns = JmiElement.NAMESPACE;
        ProviderManager.addExtensionProvider(Propose.ELEMENT, ns, new Propose.Provider());
        ProviderManager.addExtensionProvider(Ringing.ELEMENT, ns, new Ringing.Provider());
        ProviderManager.addExtensionProvider(Proceed.ELEMENT, ns, new Proceed.Provider());
        ProviderManager.addExtensionProvider(Reject.ELEMENT, ns, new Reject.Provider());
        ProviderManager.addExtensionProvider(Retract.ELEMENT, ns, new Retract.Provider());
        ProviderManager.addExtensionProvider(Finish.ELEMENT, ns, new Finish.Provider());
        registered = true;
    }
}
