package io.chatapp.plugin.stories;

import io.chatapp.plugin.media.MediaFile;
import io.chatapp.plugin.media.MediaService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The media service as stories use it: a story's image or video is a file its owner uploaded through the upload
 * service (with its size and type checks), served until the story expires and deleted with it.
 */
public interface StoryFiles {

    /** No media: every media story is refused (tests of text stories). */
    StoryFiles NONE = new StoryFiles() {
        @Override
        public Optional<MediaFile> ownFile(String url, String owner) {
            return Optional.empty();
        }

        @Override
        public void expireAt(String fileId, String owner, Instant at) {
        }

        @Override
        public Optional<String> url(String fileId) {
            return Optional.empty();
        }

        @Override
        public Optional<MediaFile> file(String fileId) {
            return Optional.empty();
        }

        @Override
        public void delete(String fileId, String owner) {
        }

        @Override
        public Optional<Duration> playLength(MediaFile file) {
            return Optional.empty();
        }
    };

    /** The servable file a download URL of this server names, when {@code owner} uploaded it. */
    Optional<MediaFile> ownFile(String url, String owner) throws Exception;

    /** Stops serving the file at {@code at}. */
    void expireAt(String fileId, String owner, Instant at) throws Exception;

    /** A freshly signed download URL of a servable file. */
    Optional<String> url(String fileId) throws Exception;

    /** The servable file. */
    Optional<MediaFile> file(String fileId) throws Exception;

    /** Deletes the file: URLs refused, bytes removed. */
    void delete(String fileId, String owner) throws Exception;

    /** The play length the video file's container states; empty when it cannot be read. */
    Optional<Duration> playLength(MediaFile file) throws Exception;

    /** The media service's files. */
    static StoryFiles of(MediaService media) {
        return new StoryFiles() {
            @Override
            public Optional<MediaFile> ownFile(String url, String owner) throws Exception {
                return media.ownFile(url, owner);
            }

            @Override
            public void expireAt(String fileId, String owner, Instant at) throws Exception {
                media.expireAt(fileId, owner, at);
            }

            @Override
            public Optional<String> url(String fileId) throws Exception {
                return media.servable(fileId).map(file -> media.urlOf(file).url());
            }

            @Override
            public Optional<MediaFile> file(String fileId) throws Exception {
                return media.servable(fileId);
            }

            @Override
            public void delete(String fileId, String owner) throws Exception {
                media.deleteOwned(fileId, owner);
            }

            @Override
            public Optional<Duration> playLength(MediaFile file) throws Exception {
                return media.playLength(file);
            }
        };
    }
}
