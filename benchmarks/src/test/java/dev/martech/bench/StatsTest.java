package dev.martech.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rule of issue 17: a goal holds only when its whole 95 % interval is inside the margin. */
class StatsTest {

    @Test
    void intervalIsStudentTOnTheLogsOfThePerRoundRatios() {
        // logs of 1.0, 1.1, 0.9, 1.05: mean 0.00968, sd 0.08434, t(3) = 3.182 -> half-width 0.13419
        Stats.Interval i = Stats.ratio(List.of(List.of(1.0, 1.1, 0.9, 1.05)));

        assertThat(i.mean()).isCloseTo(1.00973, within(1e-4));
        assertThat(i.lo()).isCloseTo(0.88060, within(1e-4));
        assertThat(i.hi()).isCloseTo(1.15780, within(1e-4));
        assertThat(i.rounds()).isEqualTo(4);
    }

    @Test
    void aPointEstimateInsideTheMarginIsNotEnough() {
        Stats.Interval wide = new Stats.Interval(0.92, 0.70, 1.20, 10, 2); // the old harness said "holds"

        assertThat(wide.verdict(1.05, true)).startsWith("not shown").contains("straddles");
    }

    @Test
    void holdsOnlyWhenTheWholeIntervalIsInside() {
        assertThat(new Stats.Interval(1.01, 1.00, 1.04, 10, 2).verdict(1.05, true)).isEqualTo("holds");
        assertThat(new Stats.Interval(1.01, 1.00, 1.06, 10, 2).verdict(1.05, true)).startsWith("not shown");
        assertThat(new Stats.Interval(0.97, 0.96, 0.99, 10, 2).verdict(0.95, false)).isEqualTo("holds");
        assertThat(new Stats.Interval(0.97, 0.94, 0.99, 10, 2).verdict(0.95, false)).startsWith("not shown");
        assertThat(new Stats.Interval(0.80, 0.78, 0.82, 10, 2).verdict(0.95, false)).contains("missed");
    }

    @Test
    void oneRoundShowsNothing() {
        Stats.Interval one = Stats.ratio(List.of(List.of(1.0)));

        assertThat(one.verdict(1.05, true)).startsWith("not shown");
    }

    @Test
    void withThreeOrMoreForksADisagreementBetweenForksWidensTheInterval() {
        // Tight within each fork, but the forks disagree: the interval over fork means must show it.
        List<List<Double>> forks = List.of(List.of(1.00, 1.001, 0.999, 1.0), List.of(1.10, 1.101, 1.099, 1.1),
                List.of(0.95, 0.951, 0.949, 0.95));
        Stats.Interval i = Stats.ratio(forks);

        assertThat(i.forks()).isEqualTo(3);
        assertThat(i.hi() - i.lo()).isGreaterThan(0.2);
        assertThat(i.verdict(1.05, true)).startsWith("not shown");
    }

    @Test
    void tQuantilesMatchTheTables() {
        assertThat(Stats.t975(1)).isCloseTo(12.706, within(1e-3));
        assertThat(Stats.t975(10)).isCloseTo(2.228, within(1e-3));
        assertThat(Stats.t975(20)).isCloseTo(2.086, within(2e-3));
        assertThat(Stats.t975(59)).isCloseTo(2.001, within(2e-3));
    }
}
