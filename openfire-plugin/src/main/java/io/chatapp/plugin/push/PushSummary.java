package io.chatapp.plugin.push;

/**
 * What one publish tells the app server (XEP-0357's {@code urn:xmpp:push:summary} form).
 *
 * @param messageCount how many notifications this publish stands for (those batched since the device's last push)
 * @param lastSender   the sender of the latest one
 * @param lastBody     its text, null unless the user allows previews and it has one
 * @param urgent       whether any of them is urgent (an incoming call)
 */
public record PushSummary(int messageCount, String lastSender, String lastBody, boolean urgent) {
}
