package io.chatapp.plugin.push;

import java.util.concurrent.ScheduledExecutorService;

/** The push feature's own threads ({@code chatapp-push-N}): publishes, retries, storage; never a packet thread. */
public record PushExecutor(ScheduledExecutorService executor) {
}
