package dev.martech.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The statistics of the results: a ratio's 95 % confidence interval from paired per-round ratios, and the
 * verdict of a goal from that interval.
 *
 * <p>Each round measures both sides of a ratio back to back (in a shuffled order), so the ratio of that
 * round cancels what the machine was doing at the time. The interval is Student's t on the logarithms of
 * the per-round ratios (ratios are skewed; their logarithms are not), back-transformed: a geometric mean
 * with its interval. When the rounds come from several JVMs (forks) and there are at least three of them,
 * the same is computed over the per-fork means too and the wider interval is reported, so that a
 * difference between JVMs (JIT decisions, memory layout) is not hidden by many rounds within one.
 */
public final class Stats {
    private Stats() {
    }

    /** A ratio's geometric mean and 95 % interval, and the number of rounds (and forks) it rests on. */
    public record Interval(double mean, double lo, double hi, int rounds, int forks) {
        public String text() {
            if (rounds == 0) {
                return "no data";
            }
            return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", mean, lo, hi);
        }

        /** The verdict: "holds" only when the whole interval is on the right side of the goal. */
        public String verdict(double goal, boolean atMost) {
            if (rounds < 2) {
                return "not shown (too few rounds)";
            }
            boolean holds = atMost ? hi <= goal : lo >= goal;
            if (holds) {
                return "holds";
            }
            boolean missed = atMost ? lo > goal : hi < goal;
            return missed ? "not shown (missed: whole interval beyond the goal)" : "not shown (interval straddles the goal)";
        }
    }

    /** The interval of the ratios {@code perFork.get(f).get(i)} (round i of fork f). */
    public static Interval ratio(List<List<Double>> perFork) {
        List<Double> logs = new ArrayList<>();
        List<Double> forkMeans = new ArrayList<>();
        for (List<Double> fork : perFork) {
            List<Double> l = new ArrayList<>();
            for (double r : fork) {
                if (r > 0 && Double.isFinite(r)) {
                    l.add(Math.log(r));
                }
            }
            logs.addAll(l);
            if (!l.isEmpty()) {
                forkMeans.add(mean(l));
            }
        }
        if (logs.isEmpty()) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double m = mean(logs);
        double half = halfWidth(logs);
        if (forkMeans.size() >= 3) {
            half = Math.max(half, halfWidth(forkMeans));
        }
        return new Interval(Math.exp(m), Math.exp(m - half), Math.exp(m + half), logs.size(), forkMeans.size());
    }

    /** The mean of per-round differences and its 95 % interval: {mean, lo, hi}. */
    public static double[] difference(List<Double> diffs) {
        double m = mean(diffs);
        double half = halfWidth(diffs);
        return new double[] {m, m - half, m + half};
    }

    /** Per-round ratios a/b of two equally long lists. */
    public static List<Double> ratios(List<Double> a, List<Double> b) {
        List<Double> q = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            q.add(a.get(i) / b.get(i));
        }
        return q;
    }

    private static double halfWidth(List<Double> v) {
        int n = v.size();
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return t975(n - 1) * sd / Math.sqrt(n);
    }

    static double mean(List<Double> v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    /** The 97.5 % quantile of Student's t with {@code df} degrees of freedom. */
    static double t975(int df) {
        if (df <= T975.length) {
            return T975[df - 1];
        }
        // Cornish-Fisher expansion around the normal quantile; better than 1e-3 from df = 10 on.
        double z = 1.959964;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
    }

    /** For tests of the harness by hand: {@code Stats 1.0 1.1 0.9 …} prints the interval of those ratios. */
    public static void main(String[] args) {
        List<Double> r = new ArrayList<>();
        Arrays.stream(args).mapToDouble(Double::parseDouble).forEach(r::add);
        System.out.println(ratio(List.of(r)).text());
    }
}
