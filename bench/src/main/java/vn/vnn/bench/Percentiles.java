package vn.vnn.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of repeated runs, in milliseconds; nearest-rank percentiles. */
final class Percentiles {

    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    double p(int percentile) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    int count() {
        return millis.size();
    }

    @Override
    public String toString() {
        return String.format("p50 %8.1f ms   p95 %8.1f ms   max %8.1f ms   (n=%d)", p(50), p(95), p(100), count());
    }
}
