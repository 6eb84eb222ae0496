package org.logmaster.console.ui.export;

import java.util.Locale;

/**
 * The file name the wizard proposes for a bundle, made from the case number: letters, digits,
 * dots, dashes and underscores only, so that a case number like {@code 2026/123 E.} or
 * {@code ../../etc} can never name a folder or leave the chosen one.
 */
final class BundleFileName {

    private static final int MAX_STEM = 80;

    private BundleFileName() {
    }

    static String forCase(String caseNumber) {
        String stem = caseNumber.strip().replaceAll("[^A-Za-z0-9._-]+", "-") // separators, spaces, controls
                .replaceAll("\\.{2,}", ".") // no ".." anywhere
                .replaceAll("^[.-]+|[.-]+$", ""); // no hidden file, no option-looking name
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        return "evidence-" + (stem.isEmpty() ? "bundle" : stem.toLowerCase(Locale.ROOT)) + ".zip";
    }
}
