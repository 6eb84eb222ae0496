package org.logmaster.collector.compliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes daily files the way the store does (one LF-terminated line per message), for tests outside the seal package. */
public final class DayLogs {
    private DayLogs() {
    }

    public static Path write(Path dataDir, String device, LocalDate day, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(day).append("T10:").append(String.format("%02d", i % 60)).append(":00.000Z 192.0.2.7 <134>1 ")
                    .append(day).append(' ').append(device).append(" kernel - - - allow src=10.0.0.").append(i % 250)
                    .append(" dst=198.51.100.1 n=").append(i).append('\n');
        }
        Path file = dataDir.resolve("logs").resolve(device).resolve(day + ".log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
