package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.TlsPolicy;
import org.junit.jupiter.api.Test;

class ApiUrlsTest {

    @Test
    void theDefaultIsThePluginPortOnTheServerEncryptedUnlessLocalOrTlsIsOff() {
        assertThat(ApiUrls.defaultFor("chat.example.org", TlsPolicy.REQUIRED))
                .hasToString("https://chat.example.org:9097/");
        assertThat(ApiUrls.defaultFor("chat.example.org", TlsPolicy.DISABLED))
                .hasToString("http://chat.example.org:9097/");
        assertThat(ApiUrls.defaultFor("localhost", TlsPolicy.REQUIRED)).hasToString("http://localhost:9097/");
        assertThat(ApiUrls.defaultFor("127.0.0.1", TlsPolicy.REQUIRED)).hasToString("http://127.0.0.1:9097/");
        assertThat(ApiUrls.defaultFor("2001:db8::1", TlsPolicy.REQUIRED)).hasToString("https://[2001:db8::1]:9097/");
    }
}
