package io.chatapp.plugin.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image dimensions and small JPEG thumbnails, with javax.imageio. The dimensions are read from the header before
 * anything is decoded: an image claiming more pixels than {@link #MAX_PIXELS} (a decompression bomb, or just huge)
 * gets no thumbnail, and the others are decoded subsampled, so the decoded raster is never much bigger than the
 * thumbnail itself whatever the image's size.
 */
final class Thumbnails {

    /** Longest side of a thumbnail, in pixels. */
    static final int MAX_SIDE = 256;
    /** Images with more pixels than this are not decoded at all. */
    static final long MAX_PIXELS = 100_000_000L;

    private Thumbnails() {
    }

    /** What was learnt from an image: its size, and a thumbnail when one could be made. */
    record Result(MediaFile.Dimensions dimensions, Thumbnail thumbnail) {
    }

    /** A JPEG thumbnail. */
    record Thumbnail(byte[] jpeg, MediaFile.Dimensions dimensions) {
    }

    /** Empty when ImageIO cannot read the image (an unknown format, or not an image after all). */
    static Optional<Result> of(InputStream image) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(image)) {
            if (input == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                MediaFile.Dimensions dimensions = new MediaFile.Dimensions(width, height);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return Optional.of(new Result(dimensions, null));
                }
                return Optional.of(new Result(dimensions, thumbnail(reader, width, height)));
            } catch (IOException | RuntimeException e) {
                // A corrupt or truncated image: the file is kept, without a thumbnail.
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private static Thumbnail thumbnail(ImageReader reader, int width, int height) throws IOException {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        // Decode every n-th pixel only, keeping at least twice the target size for a smooth final scaling.
        int step = Math.max(1, Math.min(width / (targetWidth * 2), height / (targetHeight * 2)));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage decoded = reader.read(0, param);
        BufferedImage scaled = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // Transparent parts become white, as JPEG has no alpha.
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, targetWidth, targetHeight);
            graphics.drawImage(decoded, 0, 0, targetWidth, targetHeight, null);
        } finally {
            graphics.dispose();
        }
        return new Thumbnail(jpeg(scaled), new MediaFile.Dimensions(targetWidth, targetHeight));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
