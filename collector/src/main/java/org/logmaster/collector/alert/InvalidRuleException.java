package org.logmaster.collector.alert;

/** A rule definition that cannot be used; {@link #key()} names the offending key of the rule. */
public final class InvalidRuleException extends Exception {
    private final String key;

    public InvalidRuleException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The key relative to the rule, such as {@code condition.window}. */
    public String key() {
        return key;
    }
}
