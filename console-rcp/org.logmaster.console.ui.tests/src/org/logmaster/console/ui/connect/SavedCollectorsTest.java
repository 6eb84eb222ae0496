package org.logmaster.console.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;

class SavedCollectorsTest {

    @TempDir
    Path folder;
    private TestSecureStorage storage;
    private SavedCollectors saved;

    @BeforeEach
    void openStorage() throws Exception {
        storage = TestSecureStorage.open(folder);
        saved = new SavedCollectors(storage.preferences());
    }

    private static ConnectionSettings settings(String host, int port, String user, String password) {
        return ConnectionSettings.tls(host, port).withCredentials(new Credentials(user, password.toCharArray()));
    }

    @Test
    void severalCollectorsAreListedByAddress() throws Exception {
        saved.save(settings("logs-b.example", 50051, "auditor", "x"), false);
        saved.save(settings("logs-a.example", 7443, "admin", "y"), false);

        assertThat(saved.list()).extracting(SavedCollector::address)
                .containsExactly("logs-a.example:7443", "logs-b.example:50051");
        assertThat(saved.list().get(0)).isEqualTo(new SavedCollector("logs-a.example", 7443, true, "admin", false));
    }

    @Test
    void savingTheSameAddressAgainReplacesTheEntry() throws Exception {
        saved.save(settings("logs.example", 50051, "auditor", "x"), false);
        saved.save(settings("logs.example", 50051, "admin", "x"), false);

        assertThat(saved.list()).singleElement().extracting(SavedCollector::user).isEqualTo("admin");
    }

    @Test
    void thePasswordIsKeptOnlyWhenAskedTo() throws Exception {
        saved.save(settings("logs.example", 50051, "auditor", "not remembered"), false);

        assertThat(saved.password("logs.example:50051")).isEmpty();
        assertThat(saved.list().get(0).passwordRemembered()).isFalse();
    }

    @Test
    void aRememberedPasswordIsStoredEncryptedAndReadBack() throws Exception {
        saved.save(settings("logs.example", 50051, "auditor", "correct horse"), true);

        assertThat(saved.password("logs.example:50051")).hasValueSatisfying(
                password -> assertThat(password).containsExactly("correct horse".toCharArray()));
        ISecurePreferences entry = storage.preferences().node(SavedCollectors.NODE).node("logs.example:50051");
        assertThat(entry.isEncrypted("password")).isTrue();
        assertThat(Files.readString(storage.file(), StandardCharsets.ISO_8859_1)).contains("logs.example")
                .doesNotContain("correct horse");
    }

    @Test
    void savingWithoutRememberingRemovesAPasswordRememberedBefore() throws Exception {
        saved.save(settings("logs.example", 50051, "auditor", "old"), true);
        saved.save(settings("logs.example", 50051, "auditor", "new"), false);

        assertThat(saved.password("logs.example:50051")).isEmpty();
    }

    @Test
    void forgettingACollectorRemovesItAndItsPassword() throws Exception {
        saved.save(settings("logs.example", 50051, "auditor", "secret"), true);

        saved.forget("logs.example:50051");

        assertThat(saved.list()).isEmpty();
        assertThat(saved.password("logs.example:50051")).isEmpty();
    }
}
