package org.logmaster.collector.alert;

/**
 * Something done with every raised alert (store, stream, mail, forward). Called on the alert
 * worker, one alert at a time; a failure is logged and counted, never stops the others.
 */
public interface AlertAction {
    /** A short name for logs and the {@code logmaster_alert_action_failures_total} metric. */
    String name();

    void deliver(Alert alert) throws Exception;
}
