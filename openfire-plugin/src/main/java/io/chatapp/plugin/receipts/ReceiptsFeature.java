package io.chatapp.plugin.receipts;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.archive.MessageArchive;

/**
 * Delivery receipts (XEP-0184), read markers (XEP-0333) and message info. Provides {@link ReceiptRecorder} and
 * {@link MessageInfoService}; needs the archive (receipts are written after the messages they name). Its Openfire
 * binding ({@code receipts.openfire}) notes receipts and markers and answers message-info queries.
 */
public final class ReceiptsFeature implements Feature {

    @Override
    public String name() {
        return "receipts";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        MessageArchive archive = context.services().get(MessageArchive.class);
        ArchiveLookup lookup = ArchiveLookup.of(archive);
        // After the archive's start, which wrote back what its journal held: the receipts' journal names those messages.
        ReceiptRecorder receipts = context.closer().open(ReceiptRecorder.start(context.database().dataSource(),
                lookup, context.clock(), context.settings().receipts()));
        MessageInfoService messageInfo = new MessageInfoService(context.database().dataSource(), lookup,
                archive.queries(), receipts::flushed);
        context.services().provide(ReceiptRecorder.class, receipts);
        context.services().provide(MessageInfoService.class, messageInfo);
    }
}
