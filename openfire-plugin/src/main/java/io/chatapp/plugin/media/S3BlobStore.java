package io.chatapp.plugin.media;

import io.chatapp.plugin.config.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Media bytes in an S3-compatible object store (AWS S3, MinIO, Ceph, ...), on the AWS SDK v2 with the JDK's
 * {@code HttpURLConnection} underneath (no Netty in the plugin). Uploads stream: the SDK sends the caller's bytes as it
 * reads them, with a fixed {@code Content-Length}, so a cut-off stream ends the request before S3 has a whole
 * object, and S3 only ever makes complete objects visible. Downloads are ranged GETs streamed to the caller.
 */
public final class S3BlobStore implements BlobStore {

    /** The largest object one S3 PUT may create (larger ones need a multipart upload, far above our limits). */
    static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    /** S3's own page size; tests use smaller pages to exercise the paging. */
    static final int DEFAULT_LIST_PAGE_SIZE = 1000;

    private final S3Client client;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider credentials;
    private final String bucket;
    private final String where;
    private final int listPageSize;

    private S3BlobStore(S3Client client, SdkHttpClient httpClient, AwsCredentialsProvider credentials, String bucket,
                        String where, int listPageSize) {
        this.client = client;
        this.httpClient = httpClient;
        this.credentials = credentials;
        this.bucket = bucket;
        this.where = where;
        this.listPageSize = listPageSize;
    }

    /**
     * Connects, checks the credentials and the bucket, and creates the bucket when it is missing and the settings
     * allow it. Fails with a message naming the endpoint, the bucket and what to fix.
     */
    public static S3BlobStore open(S3Settings settings) throws IOException {
        return open(settings, DEFAULT_LIST_PAGE_SIZE);
    }

    static S3BlobStore open(S3Settings settings, int listPageSize) throws IOException {
        SdkHttpClient httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        AwsCredentialsProvider credentials = credentials(settings);
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(httpClient)
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 demands them: the newer default (CRC trailers in aws-chunked bodies) is
                // refused by many S3-compatible servers, and TLS or the signed chunks already protect the bytes.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        String where = "bucket " + settings.bucket() + " at "
                + settings.endpoint().map(Object::toString).orElse("AWS S3 (" + settings.region() + ")");
        S3BlobStore store = new S3BlobStore(builder.build(), httpClient, credentials, settings.bucket(), where,
                listPageSize);
        try {
            store.ensureBucket(settings);
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey()));
    }

    private void ensureBucket(S3Settings settings) throws IOException {
        try {
            client.headBucket(request -> request.bucket(bucket));
            return;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw S3Errors.describe("checking", where, e);
            }
        } catch (SdkException e) {
            throw S3Errors.describe("checking", where, e);
        }
        if (!settings.createBucket()) {
            throw new IOException("The " + where + " does not exist and " + S3Settings.CREATE_BUCKET.name()
                    + " is false: create the bucket or allow the plugin to");
        }
        try {
            client.createBucket(request -> {
                request.bucket(bucket);
                // AWS wants the region named unless it is us-east-1; other servers ignore it.
                if (settings.endpoint().isEmpty() && !"us-east-1".equals(settings.region())) {
                    request.createBucketConfiguration(CreateBucketConfiguration.builder()
                            .locationConstraint(settings.region()).build());
                }
            });
        } catch (BucketAlreadyOwnedByYouException raced) {
            // another node created it meanwhile
        } catch (SdkException e) {
            throw S3Errors.describe("creating", where, e);
        }
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        BlobKeys.checkKey(key);
        if (length < 0 || length > MAX_PUT_BYTES) {
            throw new IllegalArgumentException("length " + length + " is outside 0 to " + MAX_PUT_BYTES
                    + " bytes, what one S3 PUT can store");
        }
        ExactLengthStream body = new ExactLengthStream(content, length);
        // The caller's stream can be read once. The SDK may retry an attempt that failed before the body was sent
        // (a refused connection, a 503 answering Expect: 100-continue); after the first byte a retry would send other
        // bytes, so it fails instead.
        RequestBody requestBody = RequestBody.fromContentProvider(() -> {
            if (body.started()) {
                throw new UncheckedIOException(new IOException("a streamed upload cannot be retried once sent"));
            }
            return body;
        }, length, contentType);
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
                    .contentLength(length), requestBody);
        } catch (SdkException | UncheckedIOException e) {
            rethrowSourceFailure(body);
            throw S3Errors.describe("storing " + key + " in", where, e);
        }
    }

    private static void rethrowSourceFailure(ExactLengthStream body) throws IOException {
        Exception failure = body.failure();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        BlobKeys.checkKey(key);
        try {
            return Optional.of(client.headObject(request -> request.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.describe("reading the size of " + key + " in", where, e);
        } catch (SdkException e) {
            throw S3Errors.describe("reading the size of " + key + " in", where, e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobKeys.checkKey(key);
        BlobKeys.checkRange(offset, length);
        if (length == 0) {
            // S3 has no empty range; still fail for a missing object, as a non-empty read would.
            if (size(key).isEmpty()) {
                throw new NoSuchFileException(key);
            }
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return client.getObject(request -> request.bucket(bucket).key(key).range(range));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw S3Errors.describe("reading " + key + " from", where, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        BlobKeys.checkKey(key);
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // S3 answers 204 for a missing key; some compatible servers answer 404
        } catch (SdkException e) {
            throw S3Errors.describe("deleting " + key + " from", where, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<String> sink) throws IOException {
        BlobKeys.checkPrefix(prefix);
        try {
            for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)
                    .maxKeys(listPageSize)).contents()) {
                sink.accept(object.key());
            }
        } catch (SdkException e) {
            throw S3Errors.describe("listing " + prefix + "* in", where, e);
        }
    }

    /** Not known here: the S3 server refuses a PUT it has no room for, and only it can tell. */
    @Override
    public OptionalLong usableSpace() {
        return OptionalLong.empty();
    }

    /** The SDK closes neither the HTTP client nor the credentials provider it was given. */
    @Override
    public void close() {
        client.close();
        httpClient.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + where + "]";
    }
}
