package io.chatapp.plugin.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Media sharing settings (see {@link Settings} for the properties and docs/configuration.md).
 *
 * @param store          {@code local} or {@code s3}
 * @param directory      root of the local store; empty: a {@code chatapp-media} directory chosen by the adapter
 * @param publicUrl      base of upload and download URLs, without a trailing slash; empty: derived from the domain
 * @param subdomain      subdomain of the XEP-0363 upload component
 * @param slotLifetime   how long a PUT URL is valid
 * @param limits         largest upload per kind
 * @param userQuotaBytes bytes one user may have stored; 0 means no quota
 * @param downloadExpiry how long a GET URL is valid; zero means forever
 * @param keyRotation    how often the URL signing key is replaced
 * @param keyRetention   how long a replaced key keeps verifying
 * @param s3             the S3 store's settings (read whatever the store, used only by {@code s3})
 */
public record MediaSettings(String store, String directory, String publicUrl, String subdomain,
                            Duration slotLifetime, Limits limits, long userQuotaBytes, Duration downloadExpiry,
                            Duration keyRotation, Duration keyRetention, S3Settings s3) {

    /** Largest upload of each kind, in bytes. */
    public record Limits(long imageBytes, long audioBytes, long videoBytes, long fileBytes) {

        /** The largest of them: what the upload service advertises as max-file-size. */
        public long largest() {
            return Math.max(Math.max(imageBytes, audioBytes), Math.max(videoBytes, fileBytes));
        }
    }

    public MediaSettings {
        if (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }

    static MediaSettings read(SettingsSource source) {
        String store = Settings.MEDIA_STORE.read(source).trim().toLowerCase(Locale.ROOT);
        if (!store.equals("local") && !store.equals("s3")) {
            throw new InvalidSettingException(Settings.MEDIA_STORE.name(), store, "must be local or s3");
        }
        String publicUrl = Settings.MEDIA_PUBLIC_URL.read(source).trim();
        if (!publicUrl.isEmpty() && !publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new InvalidSettingException(Settings.MEDIA_PUBLIC_URL.name(), publicUrl,
                    "must be an http:// or https:// URL");
        }
        String subdomain = Settings.MEDIA_SUBDOMAIN.read(source).trim();
        if (!subdomain.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new InvalidSettingException(Settings.MEDIA_SUBDOMAIN.name(), subdomain,
                    "must be one DNS label (lower-case letters, digits, hyphens)");
        }
        return new MediaSettings(store, Settings.MEDIA_DIRECTORY.read(source).trim(), publicUrl, subdomain,
                Duration.ofMinutes(Settings.MEDIA_SLOT_MINUTES.read(source)),
                new Limits(Settings.MEDIA_MAX_IMAGE.read(source), Settings.MEDIA_MAX_AUDIO.read(source),
                        Settings.MEDIA_MAX_VIDEO.read(source), Settings.MEDIA_MAX_FILE.read(source)),
                Settings.MEDIA_USER_QUOTA.read(source),
                Duration.ofMinutes(Settings.MEDIA_DOWNLOAD_EXPIRY.read(source)),
                Duration.ofDays(Settings.MEDIA_KEY_ROTATION_DAYS.read(source)),
                Duration.ofDays(Settings.MEDIA_KEY_RETENTION_DAYS.read(source)),
                S3Settings.read(source));
    }

    /** The same settings with the directory and public URL filled in where they were left empty. */
    public MediaSettings resolved(String defaultDirectory, String defaultPublicUrl) {
        return new MediaSettings(store, directory.isEmpty() ? defaultDirectory : directory,
                publicUrl.isEmpty() ? defaultPublicUrl : publicUrl, subdomain, slotLifetime, limits,
                userQuotaBytes, downloadExpiry, keyRotation, keyRetention, s3);
    }
}
