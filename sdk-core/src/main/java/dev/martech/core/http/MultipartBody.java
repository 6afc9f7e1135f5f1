package dev.martech.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** multipart/form-data (RFC 7578), written part by part so a file part streams from disk. */
final class MultipartBody extends RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private final List<MultipartPart> parts;
    private final String boundary;

    MultipartBody(List<MultipartPart> parts) {
        this(parts, "martech-" + UUID.randomUUID());
    }

    private MultipartBody(List<MultipartPart> parts, String boundary) {
        super("multipart/form-data; boundary=" + boundary);
        this.parts = List.copyOf(parts);
        this.boundary = boundary;
    }

    @Override
    public long contentLength() {
        long total = 0;
        for (MultipartPart part : parts) {
            long length = part.body().contentLength();
            if (length < 0) {
                return -1;
            }
            total += header(part).length + length + CRLF.length;
        }
        return total + closing().length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        for (MultipartPart part : parts) {
            out.write(header(part));
            part.body().writeTo(out);
            out.write(CRLF);
        }
        out.write(closing());
    }

    @Override
    public boolean isReplayable() {
        return parts.stream().allMatch(p -> p.body().isReplayable());
    }

    private byte[] header(MultipartPart part) {
        StringBuilder sb = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(part.name())).append('"');
        if (part.filename() != null) {
            sb.append("; filename=\"").append(quote(part.filename())).append('"');
        }
        sb.append("\r\nContent-Type: ").append(part.body().contentType()).append("\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
