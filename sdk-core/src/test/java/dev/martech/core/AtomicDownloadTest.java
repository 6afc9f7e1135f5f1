package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.martech.core.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12.11: saveTo replaces the target only with a complete download. */
class AtomicDownloadTest extends HttpTestBase {
    @TempDir
    Path dir;

    private static byte[] response(int declared, String sent) {
        return RawHttpServer.bytes("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + declared
                + "\r\n\r\n" + sent);
    }

    @Test
    void failedDownloadLeavesTheExistingFileUntouched() throws Exception {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "the previous report");
        try (RawHttpServer raw = new RawHttpServer(line -> response(1000, "id,name\n1,half a report"))) {
            ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(raw.baseUrl()).sleeper(sleeper).clock(clock));
            BinaryResponse download = runtime.execute(apiGet("/report"), ResponseType.stream(), RequestOptions.none()).body();

            Throwable thrown = catchThrowable(() -> download.saveTo(target));

            assertThat(thrown).isInstanceOf(ApiException.class).hasMessageContaining("report.csv")
                    .hasMessageContaining("not changed");
            assertThat(((ApiException) thrown).redactedUrl()).endsWith("/report");
            assertThat(Files.readString(target)).isEqualTo("the previous report");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).as("no temporary file left behind").containsExactly(target);
            }
        }
    }

    @Test
    void completeDownloadReplacesTheFile() throws Exception {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "the previous report");
        String csv = "id,name\n1,Ada\n";
        try (RawHttpServer raw = new RawHttpServer(line -> response(csv.length(), csv))) {
            ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(raw.baseUrl()).sleeper(sleeper).clock(clock));
            try (BinaryResponse download = runtime.execute(apiGet("/report"), ResponseType.stream(), RequestOptions.none()).body()) {
                assertThat(download.saveTo(target)).isEqualTo(csv.length());
            }
            assertThat(Files.readString(target)).isEqualTo(csv);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(target);
            }
        }
    }

    @Test
    void failedTransferIsAnApiException() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(line -> response(1000, "short"))) {
            ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(raw.baseUrl()).sleeper(sleeper).clock(clock));
            BinaryResponse download = runtime.execute(apiGet("/report"), ResponseType.stream(), RequestOptions.none()).body();

            assertThat(catchThrowable(() -> download.transferTo(new ByteArrayOutputStream())))
                    .isInstanceOf(ApiException.class);
        }
    }
}
