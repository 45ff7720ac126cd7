package io.chatapp.client;

/** A request failed; {@link #reason()} says why in a way an app can act on, the message in a way a person can. */
public final class ChatClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Reason {
        /** Wrong user name or password; or the server refused an access token. */
        NOT_AUTHORIZED,
        /**
         * Login refused without looking at the credentials: too many failed logins for this account or from this
         * address, or (over XMPP) the server is busy with other logins at that moment (SASL
         * {@code temporary-auth-failure} for both); try again later. Automatic reconnection keeps trying by itself.
         */
        LOCKED_OUT,
        /** The credentials are right but an administrator disabled the account (SASL {@code account-disabled}). */
        ACCOUNT_DISABLED,
        /**
         * Registration: too many attempts from this address (XEP-0077 {@code resource-constraint}); try again later.
         */
        RATE_LIMITED,
        /**
         * The refresh token was refused (expired, revoked by a logout, or used twice): the login is over and only
         * logging in again with the password gives new tokens.
         */
        SESSION_EXPIRED,
        /** Registration: the user name is taken. */
        ACCOUNT_EXISTS,
        /** The server refuses the operation (e.g. registration is switched off). */
        NOT_ALLOWED,
        /**
         * The input was rejected (e.g. an invalid address or user name, or a password the server's rules refuse:
         * XEP-0077 {@code not-acceptable}); {@link #serverText()} names the rule when the server gave it.
         */
        INVALID_INPUT,
        /** The server could not be reached or the connection was lost. */
        NETWORK,
        /** The server's certificate is not trusted. */
        TLS,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The operation needs a connection or login that is not there. */
        NOT_CONNECTED,
        /**
         * The item named does not exist for this account (XMPP {@code item-not-found}): e.g. a message to retract,
         * hide or ask about that this account did not send or cannot see, or an archive id that is not in its archive.
         */
        NOT_FOUND,
        /** A retraction came too late: the message is older than the server's retraction window. */
        TOO_LATE,
        /**
         * The server cannot take the request now (XMPP {@code resource-constraint}, e.g. its archive is unavailable;
         * or a file its media store has no room for: the upload slot refused with XEP-0363's time to retry, or the
         * upload HTTP 507 {@code insufficient_storage}); nothing was changed or delivered: try again later.
         */
        SERVER_BUSY,
        /** The server does not support the request (XMPP {@code feature-not-implemented}, {@code service-unavailable}). */
        UNSUPPORTED,
        /** Anything else the server answered with an error. */
        SERVER_ERROR,
        /** A file is larger than the server accepts (for its kind); {@link #limit()} says the limit when known. */
        FILE_TOO_LARGE,
        /** The server refuses files of this type, or the file's content does not match its declared type. */
        MEDIA_TYPE_REFUSED,
        /** The account's storage quota on the server is used up. */
        QUOTA_EXCEEDED,
        /** A downloaded file's bytes do not match the hash or size its sender announced: nothing was saved. */
        INTEGRITY
    }

    private final Reason reason;
    private final long limit;
    private final String serverText;

    public ChatClientException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, -1);
    }

    /** @param limit the server's limit in bytes for {@link Reason#FILE_TOO_LARGE}, or -1 when unknown */
    public ChatClientException(Reason reason, String message, Throwable cause, long limit) {
        this(reason, message, cause, limit, null);
    }

    /** @param serverText the server's own words for the refusal (an XMPP error's {@code <text/>}), or null */
    public ChatClientException(Reason reason, String message, Throwable cause, String serverText) {
        this(reason, message, cause, -1, serverText);
    }

    private ChatClientException(Reason reason, String message, Throwable cause, long limit, String serverText) {
        super(message, cause);
        this.reason = reason;
        this.limit = limit;
        this.serverText = serverText == null || serverText.isBlank() ? null : serverText;
    }

    /**
     * Why the server refused, in its own words when it gave them (an XMPP error's {@code <text/>}), e.g. "The
     * password must not contain the user name." for a registration.
     */
    public java.util.Optional<String> serverText() {
        return java.util.Optional.ofNullable(serverText);
    }

    public ChatClientException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The size limit in bytes the server gave (for {@link Reason#FILE_TOO_LARGE}), if any. */
    public java.util.OptionalLong limit() {
        return limit < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(limit);
    }
}
