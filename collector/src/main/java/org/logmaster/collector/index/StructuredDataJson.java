package org.logmaster.collector.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.logmaster.collector.parse.LogEvent.StructuredElement;

/**
 * RFC 5424 structured data as stored in the index: JSON, so any script can read it, as a list
 * that keeps order and repeated names: {@code [{"id":"origin","params":[["ip","192.0.2.1"]]}]}.
 */
final class StructuredDataJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredDataJson() {}

    /** The JSON text, or null when there is no structured data. */
    static String toJson(List<StructuredElement> elements) {
        if (elements == null || elements.isEmpty()) return null;
        ArrayNode array = JSON.createArrayNode();
        for (StructuredElement element : elements) {
            ObjectNode node = array.addObject();
            node.put("id", element.id());
            ArrayNode params = node.putArray("params");
            for (Map.Entry<String, String> param : element.params()) {
                params.addArray().add(param.getKey()).add(param.getValue());
            }
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * The RFC 5424 text of stored structured data ({@code [origin ip="192.0.2.1"]}, with quote,
     * backslash and ']' escaped in values); null for none; the JSON itself if it is not in the stored shape.
     */
    static String toText(String json) {
        if (json == null) return null;
        try {
            StringBuilder text = new StringBuilder(json.length());
            for (var element : JSON.readTree(json)) {
                text.append('[').append(element.get("id").asText());
                for (var param : element.get("params")) {
                    text.append(' ').append(param.get(0).asText()).append("=\"");
                    String value = param.get(1).asText();
                    for (int i = 0; i < value.length(); i++) {
                        char c = value.charAt(i);
                        if (c == '"' || c == '\\' || c == ']') text.append('\\');
                        text.append(c);
                    }
                    text.append('"');
                }
                text.append(']');
            }
            return text.toString();
        } catch (JsonProcessingException | RuntimeException e) {
            return json;
        }
    }
}
