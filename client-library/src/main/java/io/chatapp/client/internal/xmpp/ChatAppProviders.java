package io.chatapp.client.internal.xmpp;

import org.jivesoftware.smack.provider.ProviderManager;

/** Registers the providers of this package's elements with Smack, once per JVM. */
public final class ChatAppProviders {

    private static volatile boolean registered;

    private ChatAppProviders() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ProviderManager.addExtensionProvider(RetractElement.ELEMENT, RetractElement.NAMESPACE,
                new RetractElement.Provider());
        ProviderManager.addExtensionProvider(RetractedElement.ELEMENT, RetractedElement.NAMESPACE,
                new RetractedElement.Provider());
        ProviderManager.addExtensionProvider(HiddenElement.ELEMENT, HiddenElement.NAMESPACE,
                new HiddenElement.Provider());
        ProviderManager.addExtensionProvider(OutOfBandDataElement.ELEMENT, OutOfBandDataElement.NAMESPACE,
                new OutOfBandDataElement.Provider());
        ProviderManager.addExtensionProvider(FileMetadataElement.ELEMENT, FileMetadataElement.NAMESPACE,
                new FileMetadataElement.Provider());
        ProviderManager.addIQProvider(HideIQ.ELEMENT, HideIQ.NAMESPACE, new HideIQ.Provider());
        ProviderManager.addIQProvider(NotificationsIQ.ELEMENT, NotificationsIQ.NAMESPACE,
                new NotificationsIQ.Provider());
        ProviderManager.addIQProvider(MessageInfoIQ.ELEMENT, MessageInfoIQ.NAMESPACE, new MessageInfoIQ.Provider());
        ProviderManager.addIQProvider(ReadMarksIQ.ELEMENT, ReadMarksIQ.NAMESPACE, new ReadMarksIQ.Provider());
        ProviderManager.addIQProvider(LastSeenVisibilityIQ.ELEMENT, LastSeenVisibilityIQ.NAMESPACE,
                new LastSeenVisibilityIQ.Provider());
        ProviderManager.addIQProvider(GroupsIQ.ELEMENT, GroupsIQ.NAMESPACE, new GroupsIQ.Provider());
        ProviderManager.addExtensionProvider(GroupEventElement.ELEMENT, GroupEventElement.NAMESPACE,
                new GroupEventElement.Provider());
        registered = true;
    }
}
