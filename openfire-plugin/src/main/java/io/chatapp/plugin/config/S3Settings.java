package io.chatapp.plugin.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the S3 media store keeps its objects (used when {@code chatapp.media.store} is {@code s3}). Kept apart from
 * {@link Settings} because only that store reads it; its properties are documented in {@code docs/configuration.md}
 * like every other.
 *
 * @param endpoint     the S3 API's base URL; empty means AWS itself (the region's standard endpoint)
 * @param region       the signing region (and the bucket's region when it is created on AWS)
 * @param bucket       the bucket holding every media object
 * @param accessKey    the access key id; empty (with an empty secret) means the AWS SDK's default credentials
 *                     (environment, profile, instance or container role)
 * @param secretKey    the secret access key; never logged
 * @param pathStyle    {@code endpoint/bucket/key} URLs rather than {@code bucket.endpoint/key}, as MinIO and most
 *                     self-hosted servers need
 * @param createBucket whether a missing bucket is created at start (otherwise a missing bucket stops the plugin)
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, String accessKey, String secretKey,
                         boolean pathStyle, boolean createBucket) {

    public static final Setting<String> ENDPOINT = Setting.string("chatapp.media.s3.endpoint", "",
            "Base URL of the S3 API, e.g. http://minio.internal:9000; empty means AWS S3 in the configured region.");
    public static final Setting<String> REGION = Setting.string("chatapp.media.s3.region", "us-east-1",
            "Region the requests are signed for (and where the bucket is created on AWS).");
    public static final Setting<String> BUCKET = Setting.string("chatapp.media.s3.bucket", "chatapp-media",
            "Bucket holding all media objects; every node of one deployment must use the same.");
    public static final Setting<String> ACCESS_KEY = Setting.string("chatapp.media.s3.accessKey", "",
            "Access key id; empty (with an empty secret key) means the AWS SDK's default credentials: environment"
                    + " variables, the shared profile, or the instance or container role.");
    public static final Setting<String> SECRET_KEY = Setting.string("chatapp.media.s3.secretKey", "",
            "Secret access key. Never logged.");
    public static final Setting<Boolean> PATH_STYLE = Setting.bool("chatapp.media.s3.pathStyle", true,
            "Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted S3 servers need; false for"
                    + " virtual-hosted URLs (bucket.endpoint/key).");
    public static final Setting<Boolean> CREATE_BUCKET = Setting.bool("chatapp.media.s3.createBucket", true,
            "Whether the plugin creates the bucket at start when it does not exist; when false a missing bucket"
                    + " stops the plugin with an error.");

    /** All S3 settings, for documentation checks. */
    public static final List<Setting<?>> ALL = List.of(ENDPOINT, REGION, BUCKET, ACCESS_KEY, SECRET_KEY, PATH_STYLE,
            CREATE_BUCKET);

    /** S3's bucket naming rules (3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at each end). */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    public S3Settings {
        if (endpoint.isPresent()) {
            String scheme = endpoint.get().getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.get().getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an http or https URL");
            }
        }
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            throw new IllegalArgumentException("set both the access key and the secret key, or neither");
        }
    }

    public static S3Settings read(SettingsSource source) {
        String bucket = BUCKET.read(source).trim();
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidSettingException(BUCKET.name(), bucket, "must be a valid S3 bucket name: 3 to 63"
                    + " lower-case letters, digits, dots or hyphens, starting and ending with a letter or digit");
        }
        String region = REGION.read(source).trim();
        if (!REGION_NAME.matcher(region).matches()) {
            throw new InvalidSettingException(REGION.name(), region, "must be a region name such as us-east-1");
        }
        String accessKey = ACCESS_KEY.read(source).trim();
        String secretKey = SECRET_KEY.read(source);
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            String missing = accessKey.isEmpty() ? ACCESS_KEY.name() : SECRET_KEY.name();
            throw new InvalidSettingException(missing, "", "set both " + ACCESS_KEY.name() + " and "
                    + SECRET_KEY.name() + ", or neither (to use the AWS SDK's default credentials)");
        }
        return new S3Settings(endpoint(source), region, bucket, accessKey, secretKey, PATH_STYLE.read(source),
                CREATE_BUCKET.read(source));
    }

    private static Optional<URI> endpoint(SettingsSource source) {
        String value = ENDPOINT.read(source).trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new InvalidSettingException(ENDPOINT.name(), value,
                "must be an http or https URL with a host, such as http://minio.internal:9000");
    }

    /** Never print the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("(AWS)") + ", region=" + region
                + ", bucket=" + bucket + ", accessKey=" + accessKey + ", pathStyle=" + pathStyle
                + ", createBucket=" + createBucket + "]";
    }
}
