package io.chatapp.client;

/**
 * The image or video of a story: a download URL that works until the story expires (the server refuses it after,
 * and to anyone outside the story's audience who asks for a fresh one), its type, size and file name.
 */
public record StoryMedia(String url, String mediaType, long size, String name) {
}
