package io.chatapp.client.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises the base URL of the server's HTTP API. */
public final class ApiUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private ApiUrls() {
    }

    /** The URL with a path ending in {@code /}, so that routes resolve below it rather than beside it. */
    public static URI normalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("apiBaseUrl must be an http or https URL: " + url);
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("apiBaseUrl must name a host (and no user): " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("apiBaseUrl must have no query or fragment: " + url);
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    /** True for https, and for plain http to this machine only. */
    public static boolean isEncryptedOrLocal(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) || isLoopback(url.getHost());
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
                || IPV4_LOOPBACK.matcher(name).matches();
    }
}
