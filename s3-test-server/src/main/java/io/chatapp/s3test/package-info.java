/**
 * A real S3-compatible server for tests (S3Proxy on a file-system blob store) in a child JVM of its own, since its
 * Jetty cannot share a class path with Openfire's, exiting as soon as the test JVM goes away; a JUnit 5 extension
 * starts it per test class.
 */
package io.chatapp.s3test;
