package dev.martech.core;

import dev.martech.core.http.MultipartPart;
import dev.martech.core.http.RequestBody;
import dev.martech.core.internal.Checks;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to upload (multipart part or binary body), read from disk or from a stream as it is sent, so its
 * size is not limited by memory. A file upload can be retried; a stream upload is sent at most once.
 */
public final class Upload {
    private final String filename;
    private final String contentType;
    private final Path file;
    private final InputStream stream;
    private final long length;

    private Upload(String filename, String contentType, Path file, InputStream stream, long length) {
        this.filename = filename;
        this.contentType = contentType;
        this.file = file;
        this.stream = stream;
        this.length = length;
    }

    /** A file on disk; the content type defaults to application/octet-stream. */
    public static Upload of(Path file) {
        return of(file, "application/octet-stream");
    }

    public static Upload of(Path file, String contentType) {
        Checks.required("file", file);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("upload file " + file + " does not exist or is not a readable file");
        }
        return new Upload(file.getFileName().toString(), Checks.notBlank("contentType", contentType), file, null, -1);
    }

    /** A stream read once while sending; {@code length} may be -1 when unknown (then sent chunked). */
    public static Upload of(InputStream stream, String filename, String contentType, long length) {
        return new Upload(Checks.notBlank("filename", filename), Checks.notBlank("contentType", contentType), null,
                Checks.required("stream", stream), length);
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    /** The body of this upload with its own content type, or the one given when it is the octet-stream default. */
    public RequestBody toRequestBody(String declaredContentType) {
        String type = declaredContentType != null && contentType.equals("application/octet-stream") ? declaredContentType : contentType;
        return file != null ? RequestBody.file(type, file) : RequestBody.stream(type, stream, length);
    }

    MultipartPart toPart(String name) {
        return MultipartPart.of(name, filename, toRequestBody(null));
    }

    @Override
    public String toString() {
        return "Upload{" + filename + ", " + contentType + "}";
    }
}
