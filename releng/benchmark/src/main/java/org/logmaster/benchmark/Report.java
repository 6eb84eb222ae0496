package org.logmaster.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Aligned "name: value" lines. */
final class Report {
    private final List<String[]> lines = new ArrayList<>();

    void line(String name, Object value) {
        lines.add(new String[] {name, String.valueOf(value)});
    }

    void rate(String name, long count, long nanos) {
        line(name, String.format(Locale.ROOT, "%,.0f msg/s", count / (nanos / 1e9)));
    }

    void print() {
        int w = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        for (String[] l : lines) System.out.printf("%-" + w + "s  %s%n", l[0], l[1]);
    }
}
