package com.example.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles: the smallest value with at least p% of the values at or below it. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(Collection<Long> values) {
        this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (this.sorted.length == 0) {
            throw new IllegalArgumentException("No values");
        }
    }

    long p(int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * this.sorted.length);
        return this.sorted[Math.max(0, rank - 1)];
    }

    long max() {
        return this.sorted[this.sorted.length - 1];
    }

    @Override
    public String toString() {
        return Arrays.toString(this.sorted);
    }
}
