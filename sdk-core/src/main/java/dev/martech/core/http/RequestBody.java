package dev.martech.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The body of an outgoing request. A body that can be written more than once is {@linkplain #isReplayable()
 * replayable}; only such a body is ever re-sent by the retry layer.
 */
public abstract class RequestBody {
    private final String contentType;

    protected RequestBody(String contentType) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    public final String contentType() {
        return contentType;
    }

    /** Byte length, or -1 when unknown (the body is then sent chunked). */
    public abstract long contentLength();

    public abstract void writeTo(OutputStream out) throws IOException;

    public abstract boolean isReplayable();

    public static RequestBody bytes(String contentType, byte[] bytes) {
        return new BytesBody(contentType, bytes);
    }

    /** A file, streamed from disk on each attempt. */
    public static RequestBody file(String contentType, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a readable file: " + file);
        }
        return new FileBody(contentType, file);
    }

    /** A one-shot stream: sent once, never retried once it has started. */
    public static RequestBody stream(String contentType, InputStream in, long contentLength) {
        return new StreamBody(contentType, in, contentLength);
    }

    /** A multipart/form-data body. */
    public static RequestBody multipart(List<MultipartPart> parts) {
        return new MultipartBody(parts);
    }

    static final class BytesBody extends RequestBody {
        private final byte[] bytes;

        BytesBody(String contentType, byte[] bytes) {
            super(contentType);
            this.bytes = bytes;
        }

        public byte[] bytes() {
            return bytes;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public boolean isReplayable() {
            return true;
        }
    }

    static final class FileBody extends RequestBody {
        private final Path file;

        FileBody(String contentType, Path file) {
            super(contentType);
            this.file = file;
        }

        @Override
        public long contentLength() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Files.copy(file, out);
        }

        @Override
        public boolean isReplayable() {
            return true;
        }
    }

    static final class StreamBody extends RequestBody {
        private final InputStream in;
        private final long length;

        StreamBody(String contentType, InputStream in, long length) {
            super(contentType);
            this.in = Objects.requireNonNull(in, "in");
            this.length = length;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public boolean isReplayable() {
            return false;
        }
    }
}
