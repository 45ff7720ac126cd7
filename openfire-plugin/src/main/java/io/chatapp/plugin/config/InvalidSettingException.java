package io.chatapp.plugin.config;

/** A setting has a value that cannot be used; the message names the property so an operator can fix it. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String name, String value, String reason) {
        super("Setting " + name + " has an invalid value '" + value + "': " + reason);
    }
}
