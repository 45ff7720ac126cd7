package io.chatapp.it;

import java.util.Map;

/** The media tests on the default store: a directory on the local file system. */
class LocalMediaServerTest extends MediaServerTest {

    @Override
    protected Map<String, String> serverProperties() {
        return Map.of("chatapp.media.store", "local");
    }
}
