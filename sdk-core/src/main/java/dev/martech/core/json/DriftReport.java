package dev.martech.core.json;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of the drift one client has seen: each distinct event with how often and since when.
 *
 * @param entries one per distinct event, in the order first seen
 */
public record DriftReport(List<Entry> entries) {
    /**
     * Copies the entries.
     *
     * @param entries the entries
     */
    public DriftReport {
        entries = List.copyOf(entries);
    }

    /** @return whether no drift was seen */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * One distinct event.
     *
     * @param event what was seen
     * @param count how many times it was seen (in how many decoded models)
     * @param firstSeen when it was first seen (the client's clock)
     */
    public record Entry(DriftEvent event, long count, Instant firstSeen) {
        /**
         * Checks the parts.
         *
         * @param event what was seen
         * @param count how many times
         * @param firstSeen when first
         */
        public Entry {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(firstSeen, "firstSeen");
        }
    }
}
