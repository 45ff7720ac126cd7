package io.chatapp.cli;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * Colour in the shell, on terminals that have it: the read mark {@code ✓✓ read} in blue, to tell it from
 * {@code ✓✓ delivered} at a glance. The text is the same with or without colour.
 */
final class ShellStyles {

    static final String READ_MARK = EventLines.mark(io.chatapp.client.MessageStatus.READ);

    private ShellStyles() {
    }

    /** @param noColour the user asked for none ({@code NO_COLOR} set) */
    static boolean supportsColour(Terminal terminal, boolean noColour) {
        if (noColour || Terminal.TYPE_DUMB.equals(terminal.getType())) {
            return false;
        }
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return colours != null && colours >= 8;
    }

    /** The line, with the read mark coloured when {@code colour} is on. */
    static AttributedString style(String line, boolean colour) {
        int at = line.indexOf(READ_MARK);
        if (!colour || at < 0) {
            return new AttributedString(line);
        }
        return new AttributedStringBuilder()
                .append(line.substring(0, at))
                .append(READ_MARK, AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE).bold())
                .append(line.substring(at + READ_MARK.length()))
                .toAttributedString();
    }
}
