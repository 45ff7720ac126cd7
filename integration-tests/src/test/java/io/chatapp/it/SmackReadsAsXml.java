package io.chatapp.it;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * While open, Smack keeps MUC admin and owner answers and vCards as XML instead of reading them. An error answer
 * echoes the request, and Smack's own readers of these (affiliations, roles, JIDs, data forms, vCards) throw on a
 * fuzzed one and close the connection, which a server never caused. Smack's readers are process-wide: closing puts
 * them back.
 */
final class SmackReadsAsXml implements AutoCloseable {

    private static final String[][] ELEMENTS = {{"query", GroupsGrammar.ADMIN}, {"query", GroupsGrammar.OWNER},
            {"vCard", "vcard-temp"}};

    private final Map<String[], IqProvider<?>> removed = new LinkedHashMap<>();

    SmackReadsAsXml() {
        for (String[] element : ELEMENTS) {
            IqProvider<?> provider = ProviderManager.getIQProvider(element[0], element[1]);
            if (provider != null) {
                removed.put(element, provider);
                ProviderManager.removeIQProvider(element[0], element[1]);
            }
        }
    }

    @Override
    public void close() {
        removed.forEach((element, provider) -> ProviderManager.addIQProvider(element[0], element[1], provider));
    }
}
