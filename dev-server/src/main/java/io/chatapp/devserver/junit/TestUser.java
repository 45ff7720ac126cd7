package io.chatapp.devserver.junit;

/** An account created for one test: its name, password and bare JID. */
public record TestUser(String username, String password, String domain) {

    public String jid() {
        return username + "@" + domain;
    }
}
