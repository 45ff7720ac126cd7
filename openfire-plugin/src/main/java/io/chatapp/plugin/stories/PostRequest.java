package io.chatapp.plugin.stories;

/**
 * What a user asks to post: a text (with optional colour and font) or a media URL from the upload service (with an
 * optional caption). Checked by {@link StoryService#post}.
 */
public record PostRequest(String text, String color, String font, String mediaUrl, String caption) {

    public static PostRequest text(String text, String color, String font) {
        return new PostRequest(text, color, font, null, null);
    }

    public static PostRequest media(String url, String caption) {
        return new PostRequest(null, null, null, url, caption);
    }
}
