package org.logmaster.console.ui;

import java.util.Arrays;
import java.util.List;

/** A list typed into one field, separated by spaces or commas: device ids, IP addresses. */
public final class TypedList {

    private TypedList() {
    }

    /** The entries in the order typed, without blanks or repeats. */
    public static List<String> of(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
