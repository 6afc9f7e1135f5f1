package dev.martech.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.martech.core.errors.ApiIoException;
import java.nio.file.AtomicMoveNotSupportedException;
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
    private final String method;
    private final String redactedUrl;

    public BinaryResponse(InputStream stream, String contentType, long contentLength) {
        this(stream, contentType, contentLength, "GET", "(download)");
    }

    /**
     * @param stream        the body, still on the wire
     * @param contentType   the Content-Type, or null
     * @param contentLength the declared length, or -1
     * @param method        the call's method, for failure messages
     * @param redactedUrl   the call's URL with secrets masked, for failure messages
     */
    public BinaryResponse(InputStream stream, String contentType, long contentLength, String method, String redactedUrl) {
        this.stream = stream;
        this.contentType = contentType;
        this.contentLength = contentLength;
        this.method = method;
        this.redactedUrl = redactedUrl;
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

    /**
     * Copies the whole body to {@code out} and closes this response.
     *
     * @param out where the bytes go (not closed)
     * @return the byte count
     * @throws ApiIoException if the download or the write fails
     */
    public long transferTo(OutputStream out) {
        try (InputStream in = stream) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new ApiIoException("download failed after it started: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), method, redactedUrl, true, e);
        }
    }

    /**
     * Writes the body to {@code file} atomically and closes this response: the bytes go to a temporary file
     * beside it, which replaces {@code file} only once the download is complete. A failure leaves an
     * existing {@code file} untouched and no temporary file behind.
     *
     * @param file the target; its directory must exist
     * @return the byte count
     * @throws ApiIoException if the download or the write fails
     */
    public long saveTo(Path file) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try (InputStream in = stream) {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            long bytes = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return bytes;
        } catch (IOException e) {
            throw new ApiIoException("download to " + file + " failed; the file was not changed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), method, redactedUrl, true, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
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
