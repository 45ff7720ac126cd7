package io.chatapp.plugin.archive;

/**
 * A parsed XEP-0313 query: the client's {@code queryid} (echoed in every result) and what to read.
 *
 * @param queryId the {@code queryid} attribute, or null
 */
public record MamRequest(String queryId, ArchiveQuery query) {
}
