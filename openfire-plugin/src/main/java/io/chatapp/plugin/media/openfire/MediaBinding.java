package io.chatapp.plugin.media.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.media.MediaFeature;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;

/**
 * The upload service (XEP-0363) on {@code <subdomain>.<domain>}, a Tinder component as Openfire's own HTTP File Upload
 * plugin has.
 */
public final class MediaBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new MediaFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        registrations.component(services.get(MediaSettings.class).subdomain(),
                new UploadComponent(services.get(MediaService.class), new PluginRouting(), domain));
    }
}
