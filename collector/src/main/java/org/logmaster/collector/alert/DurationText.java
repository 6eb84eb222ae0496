package org.logmaster.collector.alert;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them in the configuration: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}. */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private DurationText() {}

    /** The duration, or {@code fallback} when text is null or blank. */
    public static Duration parse(String text, Duration fallback) {
        if (text == null || text.isBlank()) return fallback;
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 30s, 10m, 2h or 1d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest of those forms that states {@code d} exactly. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s != 0 && s % 86_400 == 0) return s / 86_400 + "d";
        if (s != 0 && s % 3_600 == 0) return s / 3_600 + "h";
        if (s != 0 && s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
