package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.groups.GroupImage;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

/** The group image a room's vCard submits: its bytes must be an image, and they name its type. */
class GroupVCardTest {

    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    @Test
    void anImageIsTakenWithTheTypeItsBytesHave() throws Exception {
        GroupImage image = GroupVCard.image(vcard("image/jpeg", PNG));

        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(image.bytes()).isEqualTo(Base64.getDecoder().decode(PNG));
    }

    @Test
    void bytesThatAreNoImageAreABadRequest() throws Exception {
        String html = Base64.getEncoder().encodeToString("<html><body>hi</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        String letters = "x".repeat(4_000);

        for (String binval : new String[] {html, letters}) {
            assertThatThrownBy(() -> GroupVCard.image(vcard("image/png", binval)))
                    .isInstanceOf(StanzaErrorException.class).hasMessageContaining("PHOTO is not an image");
        }
    }

    @Test
    void aPhotoWithoutAnImageTypeOrWithBrokenBase64IsABadRequest() throws Exception {
        assertThatThrownBy(() -> GroupVCard.image(vcard("text/html", PNG))).isInstanceOf(StanzaErrorException.class);
        assertThatThrownBy(() -> GroupVCard.image(vcard("image/png", "***"))).isInstanceOf(StanzaErrorException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void aVCardWithoutAPhotoRemovesTheImage() throws Exception {
        assertThat(GroupVCard.image(DocumentHelper.parseText("<vCard xmlns='vcard-temp'/>").getRootElement()))
                .isNull();
    }

    private static Element vcard(String type, String binval) throws Exception {
        return DocumentHelper.parseText("<vCard xmlns='vcard-temp'><PHOTO><TYPE>" + type + "</TYPE><BINVAL>" + binval
                + "</BINVAL></PHOTO></vCard>").getRootElement();
    }
}
