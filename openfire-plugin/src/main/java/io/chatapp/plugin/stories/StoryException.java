package io.chatapp.plugin.stories;

import io.chatapp.plugin.xmpp.StanzaError;

/**
 * A story request refused, with the stanza error and the HTTP status of each kind of refusal. A story the requester
 * may not see is {@link Problem#NOT_FOUND}, exactly as one that does not exist.
 */
public final class StoryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, as XMPP and HTTP say it. */
    public enum Problem {
        NOT_FOUND(StanzaError.ITEM_NOT_FOUND, 404, "not_found"),
        BAD_REQUEST(StanzaError.BAD_REQUEST, 400, "bad_request"),
        TEXT_TOO_LONG(StanzaError.NOT_ACCEPTABLE, 400, "text_too_long"),
        MEDIA_REFUSED(StanzaError.NOT_ACCEPTABLE, 400, "media_refused"),
        VIDEO_TOO_LONG(StanzaError.NOT_ACCEPTABLE, 400, "video_too_long"),
        VIDEO_LENGTH_UNKNOWN(StanzaError.NOT_ACCEPTABLE, 400, "video_length_unknown"),
        NOT_ALLOWED(StanzaError.NOT_ALLOWED, 403, "not_allowed");

        private final StanzaError stanzaError;
        private final int httpStatus;
        private final String code;

        Problem(StanzaError stanzaError, int httpStatus, String code) {
            this.stanzaError = stanzaError;
            this.httpStatus = httpStatus;
            this.code = code;
        }

        public StanzaError stanzaError() {
            return stanzaError;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String code() {
            return code;
        }
    }

    private final Problem problem;

    public StoryException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The one refusal for a story that does not exist, has expired, or is not shared with the requester. */
    static StoryException notFound() {
        return new StoryException(Problem.NOT_FOUND, "No such story.");
    }
}
