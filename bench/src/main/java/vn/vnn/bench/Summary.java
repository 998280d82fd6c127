package vn.vnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a run next to their goals (issue 16's table), printed once at the end of {@code bench/run.sh all}. */
final class Summary {

    private record Figure(String name, double measured, String goal) {
        /** "met", "NOT MET", or nothing for a figure that is reported without a goal. */
        String verdict() {
            return goal.isBlank() ? "" : met() ? "met" : "NOT MET";
        }

        boolean met() {
            String g = goal.trim();
            double bound = Double.parseDouble(g.replaceAll("[^0-9.]", ""));
            return g.startsWith("<=") ? measured <= bound : g.startsWith("<") ? measured < bound
                    : g.startsWith(">=") ? measured >= bound : measured > bound;
        }
    }

    private static final List<Figure> FIGURES = new ArrayList<>();

    private Summary() {
    }

    /** A measured figure and its goal, e.g. {@code "< 50"} or {@code ">= 0.9"}. */
    static synchronized void record(String name, double measured, String goal) {
        FIGURES.add(new Figure(name, measured, goal));
    }

    static synchronized void print() {
        if (FIGURES.isEmpty()) {
            return;
        }
        int width = FIGURES.stream().mapToInt(f -> f.name().length()).max().orElse(10);
        System.out.printf(Locale.ROOT, "%n== Summary (goal next to measured, this run) ==%n");
        System.out.printf(Locale.ROOT, "%-" + width + "s  %12s  %8s  %s%n", "figure", "measured", "goal", "");
        for (Figure f : FIGURES) {
            System.out.printf(Locale.ROOT, "%-" + width + "s  %,12.2f  %8s  %s%n", f.name(), f.measured(), f.goal(),
                    f.verdict());
        }
    }
}
