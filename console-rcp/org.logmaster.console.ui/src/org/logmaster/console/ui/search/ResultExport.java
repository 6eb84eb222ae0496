package org.logmaster.console.ui.search;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.SearchResponse;
import org.logmaster.console.client.LogQueries;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.logmaster.console.ui.StoredEventText;

/**
 * Writes the events of a search to a file, as CSV (RFC 4180, a header row, every field
 * quoted, UTF-8) or JSON Lines (one event per line in the API's JSON mapping, so a script reads
 * it with any protobuf library). These are working copies for analysis, not evidence: the daily
 * files and their seals are the legal record.
 */
enum ResultExport {
    CSV("CSV (*.csv)", "*.csv"),
    JSON_LINES("JSON Lines (*.jsonl)", "*.jsonl");

    static final List<String> CSV_HEADER = List.of("arrival", "device_time", "device_id", "sender", "listener",
            "severity", "facility", "hostname", "app_name", "proc_id", "msg_id", "structured_data", "message",
            "format", "malformed", "parse_error", "day", "file_offset", "id");

    /** The most the collector serves in one page; fewer round trips for a long export. */
    static final int EXPORT_PAGE_SIZE = 1000;

    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace()
            .preservingProtoFieldNames();

    private final String filterName;
    private final String filterExtension;

    ResultExport(String filterName, String filterExtension) {
        this.filterName = filterName;
        this.filterExtension = filterExtension;
    }

    String filterName() {
        return filterName;
    }

    String filterExtension() {
        return filterExtension;
    }

    /** By the file name's extension; CSV unless it ends in .jsonl or .json. */
    static ResultExport forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? JSON_LINES : CSV;
    }

    /**
     * Writes every match of the query, page after page of {@value #EXPORT_PAGE_SIZE}, into a
     * {@code .part} file beside {@code file} that replaces it only when complete; stops (and
     * leaves nothing) when {@code stopped} says so between pages.
     *
     * @param written told the rows written so far after every page
     * @return the rows written
     */
    long writeAll(LogQueries logs, SearchQuery query, Path file, LongConsumer written, BooleanSupplier stopped)
            throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        long rows = 0;
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                writeHeader(out);
                String token = "";
                do {
                    if (stopped.getAsBoolean()) {
                        throw new CancellationException("stopped after " + rows + " rows; nothing was saved");
                    }
                    SearchResponse page = logs.search(query.page(token).toBuilder().setPageSize(EXPORT_PAGE_SIZE).build());
                    for (Event event : page.getEventsList()) {
                        writeRow(out, event);
                    }
                    rows += page.getEventsCount();
                    written.accept(rows);
                    token = page.getNextPageToken();
                } while (!token.isEmpty());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void writeHeader(Writer out) throws IOException {
        if (this == CSV) {
            out.write(csvRow(CSV_HEADER));
        }
    }

    private void writeRow(Writer out, Event event) throws IOException {
        out.write(this == CSV ? csvRow(csvFields(event)) : json(event) + "\n");
    }

    private static String json(Event event) throws IOException {
        try {
            return JSON.print(event);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("cannot write event " + event.getId() + " as JSON", e);
        }
    }

    static List<String> csvFields(Event event) {
        return List.of(StoredEventText.instant(event.getArrival()).toString(),
                event.hasDeviceTime() ? StoredEventText.instant(event.getDeviceTime()).toString() : "",
                event.getDeviceId(), event.getSender(), event.getListener(),
                event.getSeverity() == org.logmaster.api.v1.Severity.SEVERITY_UNSPECIFIED ? ""
                        : event.getSeverity().name().replace("SEVERITY_", "").toLowerCase(java.util.Locale.ROOT),
                event.getFacility() == org.logmaster.api.v1.Facility.FACILITY_UNSPECIFIED ? ""
                        : event.getFacility().name().replace("FACILITY_", "").toLowerCase(java.util.Locale.ROOT),
                event.getHostname(), event.getAppName(), event.getProcId(), event.getMsgId(),
                event.getStructuredData(), event.getMessage(), event.getFormat().name().replace("EVENT_FORMAT_", ""),
                Boolean.toString(event.getMalformed()), event.getParseError(), event.getDay(),
                Long.toString(event.getFileOffset()), Long.toString(event.getId()));
    }

    /** Every field quoted, inner quotes doubled; line breaks inside a message stay inside its quotes. */
    static String csvRow(List<String> fields) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
        }
        return row.append("\r\n").toString();
    }
}
