package io.chatapp.plugin.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written straight to the connection instead of a JSON document (media downloads), so it is never
 * held in memory. The route sets the {@code Content-Type} and other headers on the {@link HttpResponse}.
 */
public interface StreamedBody {

    /** The exact number of bytes {@link #writeTo} writes. */
    long length();

    /** Writes the body; called once, after the headers have been sent (never for HEAD). */
    void writeTo(OutputStream out) throws IOException;
}
