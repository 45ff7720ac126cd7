package io.chatapp.plugin.receipts.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import io.chatapp.plugin.receipts.ReceiptsFeature;
import java.time.Clock;

/** Receipts and markers on Openfire's packet path, and the message-info IQ ({@code urn:chatapp:receipts:0}). */
public final class ReceiptsBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new ReceiptsFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        registrations.intercept(new ReceiptInterceptor(services.get(ReceiptRecorder.class), domain,
                Clock.systemUTC()));
        registrations.handle(new MessageInfoIqHandler(services.get(MessageInfoService.class), new PluginRouting()));
        registrations.serverFeature(MessageInfoIqHandler.NAMESPACE);
    }
}
