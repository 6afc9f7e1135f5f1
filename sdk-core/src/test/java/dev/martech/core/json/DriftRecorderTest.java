package dev.martech.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DriftRecorderTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void eachDistinctEventReachesTheListenerOnceAndIsCountedEveryTime() throws Exception {
        List<DriftEvent> told = new ArrayList<>();
        DriftRecorder recorder = new DriftRecorder("hub", e -> {
            synchronized (told) {
                told.add(e);
            }
        }, Clock.fixed(T0, ZoneOffset.UTC));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 250; i++) {
                    recorder.unknownProperty("Customer", "loyaltyTier");
                    recorder.unknownEnumValue("Customer", "status", "ARCHIVED");
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(told).containsExactlyInAnyOrder(
                new DriftEvent("hub", DriftEvent.Kind.UNKNOWN_PROPERTY, "Customer", "loyaltyTier", null),
                new DriftEvent("hub", DriftEvent.Kind.UNKNOWN_ENUM_VALUE, "Customer", "status", "ARCHIVED"));
        assertThat(recorder.report().entries()).extracting(DriftReport.Entry::count).containsExactly(1000L, 1000L);
        assertThat(recorder.report().entries()).extracting(DriftReport.Entry::firstSeen).containsOnly(T0);
    }

    @Test
    void aListenerThatThrowsDoesNotStopRecording() {
        DriftRecorder recorder = new DriftRecorder("hub", e -> {
            throw new IllegalStateException("listener bug");
        }, Clock.systemUTC());

        recorder.unknownProperty("Customer", "a");
        recorder.unknownProperty("Customer", "a");

        assertThat(recorder.report().entries()).singleElement().extracting(DriftReport.Entry::count).isEqualTo(2L);
    }

    @Test
    void theDefaultListenerDescribesTheEventInOneLine() {
        assertThat(new DriftEvent("socialhub", DriftEvent.Kind.UNKNOWN_ENUM_VALUE, "Post", "status", "archived").describe())
                .isEqualTo("API drift (socialhub): Post.status has the value 'archived' this SDK does not know");
        assertThat(DriftListener.logging()).isNotNull();
    }
}
