package org.logmaster.collector.parse.dialect;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of sample lines and what must be read from them, under {@code src/test/resources/dialects/}:
 * <pre>
 *   # comment
 *   &gt; &lt;166&gt;Feb  5 2024 10:01:02 asa01 : %ASA-6-302013: Built outbound TCP connection ...
 *   dialect: cisco-asa
 *   src_ip: 192.168.1.50
 *   &#64;time: 2024-02-05T07:01:02Z
 * </pre>
 * A line starting with "&gt; " is a message as received; the "key: value" lines after it are
 * every field it must yield (no more, no fewer), and "&#64;key: value" lines are expectations on
 * the event itself (&#64;time, &#64;host, &#64;msgid, &#64;message) or settings (&#64;hint,
 * &#64;arrival, &#64;zone).
 */
record DialectCorpus(String file, List<Sample> samples) {

    record Sample(String file, int line, String message, Map<String, String> fields, Map<String, String> meta) {
        @Override
        public String toString() {
            String shown = message.length() > 70 ? message.substring(0, 70) + "..." : message;
            return file + ":" + line + " " + shown;
        }
    }

    static DialectCorpus load(String name) {
        String resource = "/dialects/" + name;
        try (InputStream in = DialectCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus " + resource);
            }
            return parse(name, new String(in.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DialectCorpus parse(String file, String text) {
        List<Sample> samples = new ArrayList<>();
        String message = null;
        int messageLine = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("> ")) {
                if (message != null) {
                    samples.add(new Sample(file, messageLine, message, fields, meta));
                }
                message = line.substring(2);
                messageLine = i + 1;
                fields = new LinkedHashMap<>();
                meta = new LinkedHashMap<>();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int colon = line.indexOf(": ");
                if (colon <= 0 || message == null) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'key: value' after a '> ' line");
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 2);
                (key.startsWith("@") ? meta : fields).put(key.startsWith("@") ? key.substring(1) : key, value);
            }
        }
        if (message != null) {
            samples.add(new Sample(file, messageLine, message, fields, meta));
        }
        return new DialectCorpus(file, samples);
    }
}
