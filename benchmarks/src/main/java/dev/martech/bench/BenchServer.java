package dev.martech.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deliberately tiny HTTP/1.1 server on loopback that answers from pre-built byte arrays, so that its own
 * cost per call is a few microseconds and the same for every client measured.
 *
 * <p>Why not {@code com.sun.net.httpserver}: it parses and copies headers into its own maps, dispatches each
 * exchange through a selector thread and an executor, and wraps bodies in chunking/fixed-length streams;
 * for a 1 KB response that is of the order of the SDK overhead being measured. Here each keep-alive
 * connection has one blocking thread that reads the request head, skips any body and writes one array.
 *
 * <p>Routes, by the campaign id in {@code /v1/campaign/{id}/recipients}: {@link Fixtures#SMALL_CAMPAIGN}
 * → a 1-recipient page (~1 KB), {@link Fixtures#LARGE_CAMPAIGN} → a 1,000-recipient page (~1 MB),
 * {@link Fixtures#PAGED_CAMPAIGN} → 1,000-recipient pages chained by {@code next=p<n>} for
 * {@code pages} pages. Any path containing {@code .csv} → {@code downloadBytes} bytes of
 * {@code application/octet-stream}, written from one 64 KiB array.
 */
public final class BenchServer implements AutoCloseable {
    private static final byte[] CHUNK = new byte[64 * 1024];

    static {
        for (int i = 0; i < CHUNK.length; i++) {
            CHUNK[i] = (byte) ('a' + i % 26);
        }
    }

    private final ServerSocket server;
    private final byte[] small;
    private final byte[] large;
    private final byte[] pageHeadPrefix;
    private final byte[] pageResults;
    // Odd pages carry other recipients: consecutive identical pages are what the SDK's pagers stop on (a
    // server ignoring the cursor), so a chain of pages must not repeat its content.
    private final byte[] oddPageResults;
    private final int pages;
    private final long downloadBytes;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public BenchServer(int pages, long downloadBytes) throws IOException {
        this.small = response("application/json", Fixtures.smallPage());
        this.large = response("application/json", Fixtures.largePage());
        this.pageResults = Fixtures.recipientsArray(Fixtures.PAGE_SIZE);
        this.oddPageResults = Fixtures.recipientsArray(Fixtures.PAGE_SIZE, Fixtures.PAGE_SIZE);
        this.pageHeadPrefix = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                .getBytes(StandardCharsets.US_ASCII);
        this.pages = pages;
        this.downloadBytes = downloadBytes;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        Thread acceptor = new Thread(this::acceptLoop, "bench-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server for the per-call benchmarks (no paging chain, no download). */
    public static BenchServer forCalls() throws IOException {
        return new BenchServer(0, 0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private static byte[] response(String contentType, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "bench-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 8192); OutputStream out = s.getOutputStream()) {
            StringBuilder line = new StringBuilder(256);
            while (true) {
                String requestLine = readLine(in, line);
                if (requestLine == null) {
                    return;
                }
                long contentLength = 0;
                boolean chunked = false;
                String header;
                while ((header = readLine(in, line)) != null && !header.isEmpty()) {
                    int colon = header.indexOf(':');
                    if (colon > 0) {
                        String name = header.substring(0, colon);
                        if (name.equalsIgnoreCase("Content-Length")) {
                            contentLength = Long.parseLong(header.substring(colon + 1).trim());
                        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                            chunked = true;
                        }
                    }
                }
                if (header == null) {
                    return;
                }
                if (chunked) {
                    throw new IOException("chunked request bodies are not supported here");
                }
                in.skipNBytes(contentLength);
                respond(requestLine, out);
            }
        } catch (IOException e) {
            // client went away
        } finally {
            open.remove(s);
        }
    }

    private void respond(String requestLine, OutputStream out) throws IOException {
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.lastIndexOf(' ');
        String target = requestLine.substring(sp1 + 1, sp2);
        if (target.contains(".csv")) {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + downloadBytes
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long left = downloadBytes;
            while (left > 0) {
                int n = (int) Math.min(CHUNK.length, left);
                out.write(CHUNK, 0, n);
                left -= n;
            }
            out.flush();
            return;
        }
        if (target.contains(Fixtures.SMALL_CAMPAIGN.toString())) {
            out.write(small);
        } else if (target.contains(Fixtures.LARGE_CAMPAIGN.toString())) {
            out.write(large);
        } else if (target.contains(Fixtures.PAGED_CAMPAIGN.toString())) {
            int page = 0;
            int at = target.indexOf("next=p");
            if (at >= 0) {
                int end = target.indexOf('&', at);
                page = Integer.parseInt(target.substring(at + 6, end < 0 ? target.length() : end));
            }
            String next = page + 1 < pages ? "\"p" + (page + 1) + "\"" : "null";
            byte[] tail = (",\"next\":" + next + ",\"total\":" + ((long) pages * Fixtures.PAGE_SIZE) + "}")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] open = "{\"results\":".getBytes(StandardCharsets.US_ASCII);
            byte[] results = page % 2 == 0 ? pageResults : oddPageResults;
            long length = open.length + results.length + tail.length;
            out.write(pageHeadPrefix);
            out.write((length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(open);
            out.write(results);
            out.write(tail);
        } else {
            byte[] body = "{\"message\":\"not found\"}".getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        }
        out.flush();
    }

    private static String readLine(InputStream in, StringBuilder sb) throws IOException {
        sb.setLength(0);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
