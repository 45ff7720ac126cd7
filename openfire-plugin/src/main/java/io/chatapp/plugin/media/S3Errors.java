package io.chatapp.plugin.media;

import io.chatapp.plugin.config.S3Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns the SDK's exceptions into {@link IOException}s that say what failed where and what an operator can do. */
final class S3Errors {

    private S3Errors() {
    }

    /**
     * @param action what was being done, e.g. {@code "storing files/x in"}
     * @param where  the bucket and endpoint, e.g. {@code "bucket media at http://minio:9000"}
     */
    static IOException describe(String action, String where, Exception e) {
        String prefix = "S3 failed " + action + " the " + where + ": ";
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String detail = (code == null ? "" : code + ", ") + "HTTP " + s3.statusCode();
            if (isCredentialError(s3.statusCode(), code)) {
                return new IOException(prefix + "the credentials were refused (" + detail + "); check "
                        + S3Settings.ACCESS_KEY.name() + " and " + S3Settings.SECRET_KEY.name()
                        + " and that they may use this bucket", e);
            }
            return new IOException(prefix + detail, e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException) {
                return new IOException(prefix + "the endpoint cannot be reached (" + cause + "); check "
                        + S3Settings.ENDPOINT.name() + " and the network", e);
            }
        }
        if (e instanceof SdkException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new IOException(prefix + e.getMessage() + "; set " + S3Settings.ACCESS_KEY.name() + " and "
                    + S3Settings.SECRET_KEY.name(), e);
        }
        return new IOException(prefix + e.getMessage(), e);
    }

    private static boolean isCredentialError(int status, String code) {
        return status == 403 && (code == null || code.equals("InvalidAccessKeyId")
                || code.equals("SignatureDoesNotMatch") || code.equals("AccessDenied"));
    }
}
