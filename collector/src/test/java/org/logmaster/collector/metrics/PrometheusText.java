package org.logmaster.collector.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line must be a HELP or
 * TYPE comment, a sample, or empty; a sample's family must have been typed before it. Anything
 * else fails the parse, so a scrape that Prometheus would reject fails the test.
 */
public final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile(
            "(" + NAME + ")(\\{(.*)\\})? ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[-+]?Inf))( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\",?");

    public record Sample(String name, Map<String, String> labels, double value) {}

    private final Map<String, String> types = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    public static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty() || HELP.matcher(line).matches()) continue;
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                if (p.types.put(t.group(1), t.group(2)) != null) throw new IllegalArgumentException("line " + n + ": typed twice");
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!s.matches()) throw new IllegalArgumentException("line " + n + " is not Prometheus text: " + line);
            String name = s.group(1);
            if (p.family(name) == null) throw new IllegalArgumentException("line " + n + ": " + name + " has no TYPE");
            p.samples.add(new Sample(name, labels(s.group(3), n), Double.parseDouble(s.group(4)
                    .replace("+Inf", "Infinity").replace("-Inf", "-Infinity"))));
        }
        return p;
    }

    private String family(String sample) {
        if (types.containsKey(sample)) return sample;
        for (String suffix : List.of("_total", "_count", "_sum", "_bucket", "_max", "_created")) {
            if (sample.endsWith(suffix) && types.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, int line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) return labels;
        Matcher m = LABEL.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            labels.put(m.group(1), m.group(2));
            end = m.end();
        }
        if (end != text.length()) throw new IllegalArgumentException("line " + line + ": bad labels " + text);
        return labels;
    }

    public String type(String family) {
        return types.get(family);
    }

    /** The one sample of {@code name} carrying every label given (as name, value pairs). */
    public double value(String name, String... labelPairs) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) return false;
            }
            return true;
        }).toList();
        if (found.size() != 1) throw new IllegalArgumentException(found.size() + " samples of " + name + " " + List.of(labelPairs));
        return found.getFirst().value();
    }
}
