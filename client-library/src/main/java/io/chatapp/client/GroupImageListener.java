package io.chatapp.client;

/**
 * Hears that a group's image changed ({@link GroupChat#onImageChanged}): told by the room's XEP-0486 presence
 * ({@code vcard-temp:x:update}), which the server also sends when a standard client changed the image. Fetch the new
 * image with {@link GroupAdmin#image}.
 */
@FunctionalInterface
public interface GroupImageListener {

    /**
     * @param room the group's address
     * @param hash the SHA-1 (hex) of the new image, or null when the group no longer has one
     */
    void onGroupImage(String room, String hash);
}
