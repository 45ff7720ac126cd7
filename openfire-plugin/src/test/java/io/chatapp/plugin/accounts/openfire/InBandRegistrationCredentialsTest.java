package io.chatapp.plugin.accounts.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.accounts.openfire.InBandRegistrationGuard.Credentials;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

/**
 * Review for issue 12: the guard reads a registration where Openfire reads it. Openfire takes the user name and
 * password from a data form when there is one and then ignores the plain elements; a guard reading only the
 * elements let a form-based registration past every rule.
 */
class InBandRegistrationCredentialsTest {

    private static Element query(String children) throws Exception {
        return DocumentHelper.parseText("<query xmlns='jabber:iq:register'>" + children + "</query>")
                .getRootElement();
    }

    @Test
    void plainElements() throws Exception {
        assertThat(Credentials.of(query("<username> judy </username><password>pw</password>")))
                .isEqualTo(new Credentials("judy", "pw"));
    }

    @Test
    void aFormWinsOverThePlainElementsAsInOpenfire() throws Exception {
        Credentials read = Credentials.of(query("<username>harmless</username><password>a-decent-one</password>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
                + "<field var='username'><value>support</value></field>"
                + "<field var='password'><value>x</value></field></x>"));
        assertThat(read).isEqualTo(new Credentials("support", "x"));
    }

    @Test
    void aFormWithoutTheFieldsGivesNothing() throws Exception {
        assertThat(Credentials.of(query("<username>judy</username><x xmlns='jabber:x:data' type='submit'/>")))
                .isEqualTo(new Credentials(null, null));
    }
}
