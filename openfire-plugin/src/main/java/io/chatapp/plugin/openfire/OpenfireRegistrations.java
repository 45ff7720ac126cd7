package io.chatapp.plugin.openfire;

import io.chatapp.plugin.Closer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.openfire.IQRouter;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.disco.IQDiscoInfoHandler;
import org.jivesoftware.openfire.handler.IQHandler;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.component.ComponentManagerFactory;

/**
 * What the features' bindings put on Openfire, each registration undone by {@link #close()} in reverse order (the
 * plugin's one {@link Closer}). Interceptors see packets in the order they were added, so the feature list's order
 * is also the order of the packet path.
 */
public final class OpenfireRegistrations implements AutoCloseable {

    private final Closer closer = new Closer();
    private final List<String> iqNamespaces = new CopyOnWriteArrayList<>();
    private final List<String> interceptedIqNamespaces = new CopyOnWriteArrayList<>();
    private AccountDiscoFeatures accountFeatures;

    public void intercept(PacketInterceptor interceptor) {
        InterceptorManager.getInstance().addInterceptor(interceptor);
        closer.onClose(() -> InterceptorManager.getInstance().removeInterceptor(interceptor));
        if (interceptor instanceof IqRequestInterceptor requests) {
            recorded(interceptedIqNamespaces, requests.interceptedIqNamespaces());
        }
    }

    public void handle(IQHandler handler) {
        IQRouter router = XMPPServer.getInstance().getIQRouter();
        router.addHandler(handler);
        closer.onClose(() -> router.removeHandler(handler));
        recorded(iqNamespaces, List.of(handler.getInfo().getNamespace()));
    }

    /** Adds the namespaces to the list until close (one entry each time, so two registrations need two removals). */
    private void recorded(List<String> list, Collection<String> namespaces) {
        for (String namespace : namespaces) {
            list.add(namespace);
            closer.onClose(() -> list.remove(namespace));
        }
    }

    /** The namespaces of the IQ handlers registered so far, in order. */
    public List<String> iqNamespaces() {
        return List.copyOf(iqNamespaces);
    }

    /** The namespaces of the IQ requests the interceptors registered so far take ({@link IqRequestInterceptor}). */
    public List<String> interceptedIqNamespaces() {
        return List.copyOf(interceptedIqNamespaces);
    }

    /** A feature advertised in the server's disco#info. */
    public void serverFeature(String namespace) {
        IQDiscoInfoHandler disco = XMPPServer.getInstance().getIQDiscoInfoHandler();
        disco.addServerFeature(namespace);
        closer.onClose(() -> disco.removeServerFeature(namespace));
    }

    /**
     * A feature advertised in the disco#info a user gets about their own account (bare JID), where XEP-0313 and
     * XEP-0359 clients look; also advertise it on the server with {@link #serverFeature} where that is meant too.
     */
    public synchronized void accountFeature(String namespace) {
        if (accountFeatures == null) {
            AccountDiscoFeatures added = new AccountDiscoFeatures(
                    XMPPServer.getInstance().getServerInfo().getXMPPDomain());
            intercept(added);
            accountFeatures = added;
        }
        AccountDiscoFeatures features = accountFeatures;
        features.add(namespace);
        closer.onClose(() -> features.remove(namespace));
    }

    /** A Tinder component on {@code subdomain.<domain>}. */
    public void component(String subdomain, Component component) {
        ComponentManager components = ComponentManagerFactory.getComponentManager();
        try {
            components.addComponent(subdomain, component);
        } catch (ComponentException e) {
            throw new IllegalStateException("Could not register the component " + subdomain + ": "
                    + e.getMessage(), e);
        }
        closer.onClose(() -> components.removeComponent(subdomain));
    }

    /** Anything else to undo at close, at this point of the order. */
    public void onClose(AutoCloseable undo) {
        closer.onClose(undo);
    }

    @Override
    public void close() {
        closer.close();
    }
}
