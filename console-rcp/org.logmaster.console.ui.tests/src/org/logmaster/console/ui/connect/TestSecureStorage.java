package org.logmaster.console.ui.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * A real Eclipse secure storage in a temporary file, opened with a fixed master password so that
 * no password dialog appears (as Eclipse's own tests do), instead of the user's default storage.
 */
record TestSecureStorage(Path file, ISecurePreferences preferences) {

    static TestSecureStorage open(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "secure_storage", "");
        Files.delete(file); // a new storage, created on first flush
        return new TestSecureStorage(file, SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(
                IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test master password".toCharArray()),
                IProviderHints.PROMPT_USER, Boolean.FALSE)));
    }
}
