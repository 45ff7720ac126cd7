package io.chatapp.plugin.archive;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.xmpp.HeapPressure;
import io.chatapp.plugin.xmpp.MessageLimits;
import io.chatapp.plugin.xmpp.StanzaRateLimit;

/**
 * The message archive (XEP-0313) and what every stanza passes first: the flood limit of a client connection, then
 * for messages their limits. Provides {@link MessageArchive}, {@link ArchiveSettings}, {@link StanzaRateLimit},
 * {@link HeapPressure} and {@link MessageLimits}. The archive opens before the features that
 * read it and closes after them: closing drains its writer (everything accepted is written) before the database
 * closes. Its Openfire binding ({@code archive.openfire}) stamps, archives and checks one-to-one messages and answers
 * MAM and delete-for-me.
 */
public final class ArchiveFeature implements Feature {

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        ArchiveSettings settings = context.settings().archive();
        MessageArchive archive = context.closer().open(MessageArchive.start(context.database().dataSource(),
                settings, context.clock()));
        context.services().provide(MessageArchive.class, archive);
        context.services().provide(ArchiveSettings.class, settings);
        context.services().provide(MessageLimits.class, new MessageLimits(context.settings().messageMaxBodyChars(),
                context.settings().messageMaxIdChars()));
        context.services().provide(StanzaRateLimit.class, new StanzaRateLimit(context.settings().stanzasPerSecond(),
                context.settings().stanzaBurst()));
        context.services().provide(HeapPressure.class, new HeapPressure(context.settings().heapPressurePercent()));
    }
}
