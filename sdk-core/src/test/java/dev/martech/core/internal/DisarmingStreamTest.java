package dev.martech.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** A streamed download's wrapper: it stops the call's clock at the end, and leaves the copying to OkHttp's stream. */
class DisarmingStreamTest {
    @Test
    void transferToIsHandedToTheWrappedStreamAndStopsTheClock() throws IOException {
        Call call = new OkHttpClient().newCall(new Request.Builder().url("http://localhost/file").build());
        CallDeadlines.arm(call, TimeUnit.MINUTES.toNanos(1));
        int armedBefore = CallDeadlines.armedCount();
        boolean[] delegated = new boolean[1];
        // Stands for Okio's stream, whose transferTo writes its buffer segments without another copy.
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[20_000]) {
            @Override
            public synchronized long transferTo(OutputStream out) throws IOException {
                delegated[0] = true;
                return super.transferTo(out);
            }
        };
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        long copied = new OkHttpTransport.DisarmingStream(body, call).transferTo(sink);

        assertThat(copied).isEqualTo(20_000);
        assertThat(sink.size()).isEqualTo(20_000);
        assertThat(delegated[0]).as("the copy is the wrapped stream's, not FilterInputStream's 8 KiB loop").isTrue();
        assertThat(CallDeadlines.armedCount()).isEqualTo(armedBefore - 1);
    }
}
