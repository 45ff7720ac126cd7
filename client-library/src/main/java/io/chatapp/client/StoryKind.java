package io.chatapp.client;

/** What a status story shows: a text on a colour, an image or a video. */
public enum StoryKind {
    TEXT, IMAGE, VIDEO
}
