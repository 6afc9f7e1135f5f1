package dev.martech.core.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the drift one client sees and tells its {@link DriftListener} once per distinct event. Carried to
 * decoding as an attribute of the client's readers ({@link #attachTo}); thread-safe.
 */
public final class DriftRecorder {
    private static final Object ATTRIBUTE = DriftRecorder.class;

    private final String api;
    private final DriftListener listener;
    private final Clock clock;
    private final Map<DriftEvent, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();

    /**
     * A recorder for one client.
     *
     * @param api the API's name, put into every event
     * @param listener told once per distinct event
     * @param clock for the first-seen time
     */
    public DriftRecorder(String api, DriftListener listener, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A reader that reports to this recorder.
     *
     * @param reader a reader of the client's mapper
     * @return the reader with this recorder attached
     */
    public com.fasterxml.jackson.databind.ObjectReader attachTo(com.fasterxml.jackson.databind.ObjectReader reader) {
        return reader.withAttribute(ATTRIBUTE, this);
    }

    static DriftRecorder of(DeserializationContext ctxt) {
        return (DriftRecorder) ctxt.getAttribute(ATTRIBUTE);
    }

    void unknownProperty(String model, String property) {
        record(new DriftEvent(api, DriftEvent.Kind.UNKNOWN_PROPERTY, model, property, null));
    }

    void unknownEnumValue(String model, String property, String value) {
        record(new DriftEvent(api, DriftEvent.Kind.UNKNOWN_ENUM_VALUE, model, property, value));
    }

    private void record(DriftEvent event) {
        Seen existing = seen.get(event);
        if (existing != null) {
            existing.count.incrementAndGet();
            return;
        }
        Seen fresh = new Seen(order.getAndIncrement(), clock.instant());
        Seen raced = seen.putIfAbsent(event, fresh);
        if (raced != null) {
            raced.count.incrementAndGet();
            return;
        }
        try {
            listener.onDrift(event);
        } catch (RuntimeException listenerFailure) {
            // A listener must not break decoding; the event stays in the report.
        }
    }

    /** @return what was seen so far, in the order first seen */
    public DriftReport report() {
        List<Map.Entry<DriftEvent, Seen>> entries = new ArrayList<>(seen.entrySet());
        entries.sort(Comparator.comparingLong(e -> e.getValue().order));
        List<DriftReport.Entry> out = new ArrayList<>();
        for (Map.Entry<DriftEvent, Seen> e : entries) {
            out.add(new DriftReport.Entry(e.getKey(), e.getValue().count.get(), e.getValue().firstSeen));
        }
        return new DriftReport(out);
    }

    private static final class Seen {
        final long order;
        final Instant firstSeen;
        final AtomicLong count = new AtomicLong(1);

        Seen(long order, Instant firstSeen) {
            this.order = order;
            this.firstSeen = firstSeen;
        }
    }
}
