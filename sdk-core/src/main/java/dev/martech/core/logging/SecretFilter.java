package dev.martech.core.logging;

import java.util.BitSet;

/**
 * Remembers any number of strings in constant memory (a Bloom filter of fingerprints) and masks them in
 * text: every window of a remembered length is fingerprinted with a rolling hash and looked up. A remembered
 * string is never missed; a false positive (a harmless substring masked) is about one in 10^12 windows with
 * 30,000 remembered forms (some 5,000 rotated credentials), one in 10^20 with a few hundred. 512 KiB,
 * allocated on first use (after 32 rotated credentials).
 */
final class SecretFilter {
    private static final int BITS = 1 << 22; // 512 KiB
    private static final int HASHES = 10;
    private static final long BASE = 1_000_003L;
    private static final int MAX_LENGTHS = 64;

    // Sized once and only ever set: readers need no lock (a bit set meanwhile is seen, at the latest, once
    // `lengths` is written after it).
    private volatile BitSet bits;
    private volatile int[] lengths = new int[0];

    synchronized void add(String value) {
        if (bits == null) {
            bits = new BitSet(BITS);
        }
        long h = hash(value, 0, value.length());
        for (int i = 0; i < HASHES; i++) {
            bits.set(index(h, i));
        }
        for (int length : lengths) {
            if (length == value.length()) {
                lengths = lengths; // publishes the bits just set
                return;
            }
        }
        int[] more = lengths.length < MAX_LENGTHS ? java.util.Arrays.copyOf(lengths, lengths.length + 1) : lengths.clone();
        more[more.length - 1] = value.length();
        lengths = more; // also publishes the bits just set
    }

    String mask(String text, String mask) {
        int[] ls = lengths;
        BitSet b = bits;
        if (b == null || ls.length == 0) {
            return text;
        }
        boolean[] hit = null;
        for (int length : ls) {
            if (length > text.length()) {
                continue;
            }
            long power = 1;
            for (int i = 1; i < length; i++) {
                power *= BASE;
            }
            long h = hash(text, 0, length);
            for (int start = 0; ; start++) {
                if (contains(b, h)) {
                    if (hit == null) {
                        hit = new boolean[text.length()];
                    }
                    for (int i = start; i < start + length; i++) {
                        hit[i] = true;
                    }
                }
                int end = start + length;
                if (end >= text.length()) {
                    break;
                }
                h = (h - text.charAt(start) * power) * BASE + text.charAt(end);
            }
        }
        if (hit == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hit[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hit[i - 1]) {
                out.append(mask);
            }
        }
        return out.toString();
    }

    private static boolean contains(BitSet b, long h) {
        for (int i = 0; i < HASHES; i++) {
            if (!b.get(index(h, i))) {
                return false;
            }
        }
        return true;
    }

    private static long hash(String s, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    private static int index(long h, int i) {
        long x = h + i * 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (int) (x & (BITS - 1));
    }
}
