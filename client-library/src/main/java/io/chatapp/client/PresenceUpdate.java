package io.chatapp.client;

/**
 * A contact's device came online, changed status or went offline.
 *
 * @param from      the contact's bare address
 * @param device    the resource of the device, or empty
 * @param available true when online
 * @param mode      how available the device is; {@link PresenceMode#OFFLINE} when it went offline
 * @param status    the free-text status, or empty
 */
public record PresenceUpdate(String from, String device, boolean available, PresenceMode mode, String status) {
}
