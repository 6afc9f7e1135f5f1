package dev.martech.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A downloaded body (CSV, ZIP, …) still on the wire: read it as a stream, or copy it to a file or stream,
 * in constant memory. Close it (try-with-resources) to release the connection.
 */
public final class BinaryResponse implements Closeable {
    private final InputStream stream;
    private final String contentType;
    private final long contentLength;

    public BinaryResponse(InputStream stream, String contentType, long contentLength) {
        this.stream = stream;
        this.contentType = contentType;
        this.contentLength = contentLength;
    }

    public InputStream stream() {
        return stream;
    }

    /** The Content-Type, or null. */
    public String contentType() {
        return contentType;
    }

    /** The declared length, or -1. */
    public long contentLength() {
        return contentLength;
    }

    /** Copies the whole body to {@code out} and closes this response; returns the byte count. */
    public long transferTo(OutputStream out) {
        try (InputStream in = stream) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("download failed after it started", e);
        }
    }

    /** Writes the body to {@code file} (replacing it) and closes this response; returns the byte count. */
    public long saveTo(Path file) {
        try (InputStream in = stream) {
            return Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("download to " + file + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // releasing the connection only
        }
    }

    @Override
    public String toString() {
        return "BinaryResponse{contentType=" + contentType + ", contentLength=" + contentLength + "}";
    }

}
