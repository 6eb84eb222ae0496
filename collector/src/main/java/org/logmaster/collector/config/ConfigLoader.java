package org.logmaster.collector.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and validates the YAML configuration file. */
public final class ConfigLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public CollectorConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file (create one with `logmaster-collector init`)");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public CollectorConfig parse(String text, String source) throws ConfigException {
        CollectorConfig config;
        try {
            config = text.isBlank() ? CollectorConfig.defaults() : yaml.readValue(text, CollectorConfig.class);
            if (config == null) {
                config = CollectorConfig.defaults();
            }
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException("%s: %s: unknown key (known here: %s)"
                    .formatted(source, keyPath(e), known), e);
        } catch (JsonMappingException e) {
            throw new ConfigException("%s: %s: %s".formatted(source, keyPath(e), e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("%s: not valid YAML: %s".formatted(source, e.getOriginalMessage()), e);
        }
        new ConfigValidator(source).validate(config);
        return config;
    }

    static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }
}
