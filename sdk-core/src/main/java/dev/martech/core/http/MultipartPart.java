package dev.martech.core.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/** One part of a multipart/form-data body: a form field or a file. */
public final class MultipartPart {
    private final String name;
    private final String filename;
    private final RequestBody body;

    private MultipartPart(String name, String filename, RequestBody body) {
        this.name = Objects.requireNonNull(name, "name");
        this.filename = filename;
        this.body = Objects.requireNonNull(body, "body");
    }

    public static MultipartPart field(String name, String value) {
        return new MultipartPart(name, null,
                RequestBody.bytes("text/plain; charset=utf-8", value.getBytes(StandardCharsets.UTF_8)));
    }

    public static MultipartPart file(String name, Path file, String contentType) {
        return new MultipartPart(name, file.getFileName().toString(), RequestBody.file(contentType, file));
    }

    public static MultipartPart of(String name, String filename, RequestBody body) {
        return new MultipartPart(name, filename, body);
    }

    public String name() {
        return name;
    }

    /** The file name, or null for a plain form field. */
    public String filename() {
        return filename;
    }

    public RequestBody body() {
        return body;
    }
}
