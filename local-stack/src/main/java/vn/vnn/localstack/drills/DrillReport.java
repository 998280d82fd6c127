package vn.vnn.localstack.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one drill did and saw, printed as it goes; {@link #failures()} lists every broken guarantee. */
public final class DrillReport {

    private final String name;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    DrillReport(String name) {
        this.name = name;
        System.out.println("== drill: " + name + " ==");
    }

    void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println("   " + line);
    }

    /** Records a broken guarantee (a loss, a duplicate, a slow recovery) when {@code ok} is false. */
    void check(boolean ok, String format, Object... args) {
        if (!ok) {
            String failure = String.format(Locale.ROOT, format, args);
            failures.add(failure);
            System.out.println("   FAILED: " + failure);
        }
    }

    public String name() {
        return name;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public String toString() {
        return "drill " + name + (failures.isEmpty() ? " passed" : " FAILED " + failures) + "\n  "
                + String.join("\n  ", lines);
    }
}
