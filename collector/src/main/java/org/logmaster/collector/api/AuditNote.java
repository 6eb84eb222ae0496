package org.logmaster.collector.api;

/**
 * What a service adds to the audit entry of the call it serves: the target of the action (a
 * device id, a user name) and, for a login, the user name tried. The interceptor fills in the
 * rest (who, from where, which method, the request, the outcome) and appends the entry.
 */
public final class AuditNote {
    private volatile String target;
    private volatile String username;
    private volatile String request;

    /** The thing acted on. */
    public AuditNote target(String target) {
        this.target = target;
        return this;
    }

    /** Who acted, when the call is not authenticated by a session (a login). */
    public AuditNote username(String username) {
        this.username = username;
        return this;
    }

    void request(String text) {
        this.request = text;
    }

    String target() {
        return target;
    }

    String username() {
        return username;
    }

    String request() {
        return request;
    }
}
