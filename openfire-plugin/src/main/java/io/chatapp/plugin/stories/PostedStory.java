package io.chatapp.plugin.stories;

import io.chatapp.plugin.media.MediaFile;

/**
 * A story as one viewer gets it: the story, its file with a freshly signed URL (media stories), whether this viewer
 * has seen it, and, for its owner only, how many viewers are listed.
 *
 * @param media     the file of an image or video story, null for text
 * @param mediaUrl  a download URL of the file, null for text
 * @param seen      whether the viewer viewed it (always true for the owner)
 * @param viewCount listed viewers, for the owner; null for anyone else
 */
public record PostedStory(Story story, MediaFile media, String mediaUrl, boolean seen, Integer viewCount) {
}
