package io.chatapp.cli;

import io.chatapp.client.ChatClientException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words a failure as the one line chatapp prints after {@code chatapp: }. */
public final class FailureMessages {

    private FailureMessages() {
    }

    /**
     * The message for a failed client request.
     *
     * @param action what was being done, as in "{@code <action> failed: …}": "login", "registration", "sending"…
     */
    public static String of(ChatClientException e, String action) {
        String detail = decapitalise(e.getMessage() == null ? e.reason().name() : e.getMessage());
        return switch (e.reason()) {
            case NOT_AUTHORIZED -> detail.startsWith("login failed") ? detail : action + " failed: " + detail;
            case SESSION_EXPIRED -> "your login has expired or was revoked; run 'chatapp login' again";
            case NETWORK -> simplifyNetwork(detail);
            case TIMEOUT, NOT_CONNECTED -> detail;
            case TLS -> detail.contains("certificate is not trusted")
                    ? detail + " (give the server's certificate with --trust PEM_FILE)"
                    : detail.contains("does not offer TLS") ? detail + " (use --no-tls for a server without TLS)"
                    : detail;
            case FILE_TOO_LARGE -> action + " failed: " + e.limit().stream()
                    .mapToObj(limit -> "the file is larger than the server accepts (at most " + MediaLines.size(limit)
                            + ")")
                    .findFirst().orElse(detail);
            case LOCKED_OUT, ACCOUNT_DISABLED -> detail.startsWith("login refused") ? detail
                    : action + " failed: " + detail;
            case ACCOUNT_EXISTS, NOT_ALLOWED, INVALID_INPUT, RATE_LIMITED, NOT_FOUND, TOO_LATE, SERVER_BUSY,
                    UNSUPPORTED, SERVER_ERROR, MEDIA_TYPE_REFUSED, QUOTA_EXCEEDED, INTEGRITY ->
                    action + " failed: " + detail;
        };
    }

    /** The message for any failure: ours as is, a client failure as {@link #of}, anything else as unexpected. */
    public static String of(Throwable failure, String action) {
        Throwable e = unwrap(failure);
        if (e instanceof CliException cli) {
            return cli.getMessage();
        }
        if (e instanceof ChatClientException client) {
            return of(client, action);
        }
        String text = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
        return action + " failed: unexpected error: " + oneLine(text) + " (run with --verbose for details)";
    }

    /**
     * The message for a failed retraction ("delete for everyone"): {@code cannot delete for everyone: it is not
     * your message …}, {@code … the message is too old …}, {@code … no such message (not found)}.
     */
    public static String retraction(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof CliException cli && cli.getCause() != null) {
            e = unwrap(cli.getCause());
        }
        if (e instanceof ChatClientException client) {
            switch (client.reason()) {
                case NOT_ALLOWED:
                    return "cannot delete for everyone: it is not your message (/delete deletes it for you)";
                case TOO_LATE:
                    return "cannot delete for everyone: the message is too old (/delete still deletes it for you)";
                case NOT_FOUND:
                    return "cannot delete for everyone: no such message between you and them (not found)";
                default:
                    break;
            }
        }
        return of(e, "deleting for everyone");
    }

    /** The message for a failed "delete for me": {@code cannot delete: no such message in your archive (not found)}. */
    public static String deletion(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof CliException cli && cli.getCause() != null) {
            e = unwrap(cli.getCause());
        }
        if (e instanceof ChatClientException client && client.reason() == ChatClientException.Reason.NOT_FOUND) {
            return "cannot delete: no such message in your archive (not found)";
        }
        return of(e, "deleting");
    }

    private static final String UNREACHABLE = "cannot reach the server: ";
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
    private static final Pattern UNKNOWN_HOST = Pattern.compile("UnknownHostException: ([^:'()\\s]+)");

    /**
     * Smack words connection failures as a list of every address tried; a person wants the reason:
     * {@code cannot reach the server: Connection refused}.
     */
    static String simplifyNetwork(String detail) {
        if (!detail.startsWith(UNREACHABLE)) {
            return detail;
        }
        String reason = detail.substring(UNREACHABLE.length());
        Matcher unknownHost = UNKNOWN_HOST.matcher(reason);
        if (unknownHost.find()) {
            return UNREACHABLE + "unknown host " + unknownHost.group(1).strip();
        }
        int because = reason.lastIndexOf("failed because: ");
        if (because >= 0) {
            reason = reason.substring(because + "failed because: ".length());
            reason = EXCEPTION_CLASS.matcher(reason).replaceFirst("");
        }
        return UNREACHABLE + reason;
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Lower-cases the first letter of a sentence, but not of an acronym such as "TLS". */
    static String decapitalise(String text) {
        String line = oneLine(text);
        if (line.length() >= 2 && Character.isUpperCase(line.charAt(0)) && !Character.isUpperCase(line.charAt(1))) {
            return line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
        }
        return line;
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
