package io.chatapp.plugin.media;

/**
 * Another feature's say in who may fetch a file it holds (a status story's image or video): {@link MediaService}
 * asks every registered {@code FileGrants} when someone who neither uploaded nor was sent the file asks for a fresh
 * URL, so the media package knows nothing of the features that keep files for an audience of their own.
 */
@FunctionalInterface
public interface FileGrants {

    /** Whether {@code user} may fetch {@code fileId} now. */
    boolean grants(String fileId, String user) throws Exception;
}
