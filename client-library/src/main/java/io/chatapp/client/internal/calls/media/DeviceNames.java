package io.chatapp.client.internal.calls.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finding the capture device a user named (an environment variable such as {@code CHATAPP_CALL_CAMERA} or
 * {@code CHATAPP_CALL_MICROPHONE}) among those the system lists: the first whose name or descriptor (its device path
 * or sound-server id) contains the text, ignoring case. Pure, so cameras and microphones share one tested rule.
 */
final class DeviceNames {

    private DeviceNames() {
    }

    static <T> Optional<T> find(List<T> devices, String wanted, Function<T, String> name,
                                Function<T, String> descriptor) {
        String needle = wanted.toLowerCase(Locale.ROOT);
        return devices.stream()
                .filter(d -> contains(name.apply(d), needle) || contains(descriptor.apply(d), needle))
                .findFirst();
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
