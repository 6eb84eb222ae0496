package org.logmaster.collector.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.logmaster.collector.index.IndexedEvent;

/** Writes events as CSV (RFC 4180, UTF-8, CRLF) and as JSON Lines, one event per line. */
final class ExtractWriter {
    static final String CSV_HEADER = "id,arrival,device,file_day,file_offset,sender,facility,severity,device_time,"
            + "hostname,app_name,proc_id,msg_id,malformed,message\r\n";
    private static final JsonFactory JSON = new JsonFactory();

    private ExtractWriter() {
    }

    static void csvHeader(Writer out) throws IOException {
        out.write(CSV_HEADER);
    }

    static void csv(IndexedEvent e, Writer out) throws IOException {
        Object[] values = {e.id(), e.arrival(), e.deviceId(), e.fileDay(), e.fileOffset(), e.sender(), e.facility(),
                e.severity(), e.deviceTime(), e.hostname(), e.appName(), e.procId(), e.msgId(), e.malformed(),
                e.message()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.write(',');
            out.write(csvField(values[i]));
        }
        out.write("\r\n");
    }

    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // a leading = + - @ would make a spreadsheet run a formula; a quote and a tab keep it text
        boolean formula = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number);
        if (formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + (formula ? "'" : "") + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** One JSON object and a LF; a message's own line breaks are escaped by JSON, so one event stays one line. */
    static void jsonLine(IndexedEvent e, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeNumberField("id", e.id());
            json.writeStringField("arrival", e.arrival().toString());
            json.writeStringField("device", e.deviceId());
            json.writeStringField("file_day", e.fileDay() == null ? null : e.fileDay().toString());
            json.writeNumberField("file_offset", e.fileOffset());
            json.writeStringField("sender", e.sender());
            writeInteger(json, "facility", e.facility());
            writeInteger(json, "severity", e.severity());
            json.writeStringField("device_time", e.deviceTime() == null ? null : e.deviceTime().toString());
            json.writeStringField("hostname", e.hostname());
            json.writeStringField("app_name", e.appName());
            json.writeStringField("proc_id", e.procId());
            json.writeStringField("msg_id", e.msgId());
            json.writeStringField("structured_data", e.structuredDataText());
            json.writeBooleanField("malformed", e.malformed());
            json.writeStringField("message", e.message());
            json.writeEndObject();
        }
        line.write('\n');
        line.writeTo(out);
    }

    private static void writeInteger(JsonGenerator json, String name, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
