package io.chatapp.client.internal.xmpp;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.internal.Failures;
import io.chatapp.client.internal.media.MediaHttp;
import java.util.Map;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.UploadService;
import org.jivesoftware.smackx.httpfileupload.element.FileTooLargeError;
import org.jivesoftware.smackx.httpfileupload.element.Slot;

/**
 * XEP-0363 upload slots through Smack's {@link HttpFileUploadManager}: it finds the upload service in the server's
 * disco#items (after each login; again here if that has not happened yet) and makes the slot request. The upload
 * itself is {@code media.MediaHttp}'s, because Smack's would not return the server's answer.
 */
public final class UploadSlots {

    /** XEP-0363 §4.1: in a temporary error, when to try again (Smack parses it as a standard extension element). */
    private static final String RETRY = "retry";

    /**
     * A slot.
     *
     * @param headers headers the PUT must carry (XEP-0363 §5)
     */
    public record Granted(String putUrl, String getUrl, Map<String, String> headers) {
    }

    private UploadSlots() {
    }

    /**
     * Asks the server's upload service for a slot.
     *
     * @throws ChatClientException {@link Reason#UNSUPPORTED} without an upload service,
     *                             {@link Reason#FILE_TOO_LARGE} (with the limit) when the file is too large,
     *                             {@link Reason#QUOTA_EXCEEDED}, {@link Reason#MEDIA_TYPE_REFUSED},
     *                             {@link Reason#SERVER_BUSY} when the server has no room for the file now
     */
    public static Granted request(XMPPConnection connection, String name, long size, String mediaType)
            throws Exception {
        HttpFileUploadManager uploads = HttpFileUploadManager.getInstanceFor(connection);
        if (!uploads.isUploadServiceDiscovered() && !uploads.discoverUploadService()) {
            throw new ChatClientException(Reason.UNSUPPORTED,
                    "The server offers no file upload (XEP-0363 HTTP File Upload)");
        }
        UploadService service = uploads.getDefaultUploadService();
        if (!service.acceptsFileOfSize(size)) {
            throw tooLarge(name, service.getMaxFileSize());
        }
        try {
            Slot slot = uploads.requestSlot(name, size, mediaType, service.getAddress());
            return new Granted(slot.getPutUrl().toString(), slot.getGetUrl().toString(), slot.getHeaders());
        } catch (XMPPException.XMPPErrorException e) {
            throw refused(e.getStanzaError(), name, e);
        }
    }

    /** The reason for an upload service's error answer (XEP-0363 §4). */
    static ChatClientException refused(StanzaError error, String name, Exception cause) {
        FileTooLargeError tooLarge = error.getExtension(FileTooLargeError.ELEMENT, FileTooLargeError.NAMESPACE);
        if (tooLarge != null) {
            return tooLarge(name, tooLarge.getMaxFileSize());
        }
        if (error.getCondition() == StanzaError.Condition.resource_constraint
                && error.getExtension(RETRY, HttpFileUploadManager.NAMESPACE) != null) {
            // A condition that passes (a chat-app server's full media store), as its PUT's 507 would be; a quota
            // comes without a time to retry.
            return MediaHttp.storeBusy(name, error.getDescriptiveText(), cause);
        }
        String text = error.getDescriptiveText() == null ? "" : ": " + error.getDescriptiveText();
        return switch (error.getCondition()) {
            case resource_constraint -> new ChatClientException(Reason.QUOTA_EXCEEDED,
                    "Your storage quota on the server is used up" + text, cause);
            case not_acceptable, bad_request -> new ChatClientException(Reason.MEDIA_TYPE_REFUSED,
                    "The server refused " + name + text, cause);
            default -> Failures.fromStanzaError(error, cause);
        };
    }

    private static ChatClientException tooLarge(String name, long limit) {
        return new ChatClientException(Reason.FILE_TOO_LARGE, name + " is larger than the server accepts ("
                + limit + " bytes at most)", null, limit);
    }
}
