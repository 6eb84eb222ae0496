package org.logmaster.collector.api;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.Locale;

/**
 * A request as one line of text for the audit trail, with every field whose name mentions a
 * password removed (at any depth), so that no secret ever reaches the trail.
 */
final class RequestText {
    private static final TextFormat.Printer PRINTER = TextFormat.printer().emittingSingleLine(true);

    private RequestText() {}

    static String of(Object request) {
        if (!(request instanceof Message message)) {
            return null;
        }
        return PRINTER.printToString(redacted(message)).strip();
    }

    private static Message redacted(Message message) {
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getName().toLowerCase(Locale.ROOT).contains("password")) {
                builder.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated() && message.hasField(field)) {
                builder.setField(field, redacted((Message) message.getField(field)));
            }
        }
        return builder.build();
    }
}
