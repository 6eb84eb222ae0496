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
}
