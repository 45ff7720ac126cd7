/**
 * Media sharing: XEP-0363 HTTP File Upload slots, uploads streamed to a local or S3-compatible store while checked,
 * sniffed and hashed, thumbnails, downloads by HMAC-signed URL with byte ranges (RFC 9110), revocation and the
 * periodic clean-up. A file is shared by a message carrying its URL as body and XEP-0066 out-of-band data (with the
 * client's XEP-0446 metadata, which the plugin does not read); who may fetch it follows from the conversations it
 * was shared in.
 */
package io.chatapp.plugin.media;
