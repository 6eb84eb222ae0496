package org.logmaster.collector.alert;

/** Keeps an alert (in the index) and returns it with its id. */
@FunctionalInterface
public interface AlertRecorder {
    Alert record(Alert alert);
}
