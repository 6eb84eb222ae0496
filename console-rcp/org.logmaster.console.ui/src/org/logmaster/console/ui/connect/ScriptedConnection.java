package org.logmaster.console.ui.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;

/**
 * A connection given on the command line ({@code start-console.sh --connect HOST:PORT
 * --fingerprint FP --user NAME --password-file FILE}) for scripts such as the screenshot script:
 * the console connects at start without the dialog. The certificate must be named by its
 * fingerprint (nothing is trusted on first use without a person), and the password is read from
 * a file, never from the command line where other users could see it.
 */
public final class ScriptedConnection {

    static final String CONNECT = "logmaster.console.connect";
    static final String FINGERPRINT = "logmaster.console.fingerprint";
    static final String USER = "logmaster.console.user";
    static final String PASSWORD_FILE = "logmaster.console.passwordFile";
    static final String OFFER = "logmaster.console.offer";

    private ScriptedConnection() {
    }

    /** Empty when no connection was given; throws when one was given incompletely. */
    public static Optional<ConnectionSettings> fromSystemProperties() throws IOException {
        String address = System.getProperty(CONNECT, "");
        if (address.isBlank()) {
            return Optional.empty();
        }
        int colon = address.lastIndexOf(':');
        String fingerprint = System.getProperty(FINGERPRINT, "");
        String user = System.getProperty(USER, "");
        String passwordFile = System.getProperty(PASSWORD_FILE, "");
        if (colon <= 0 || fingerprint.isBlank() || user.isBlank() || passwordFile.isBlank()) {
            throw new IOException("--connect HOST:PORT needs --fingerprint, --user and --password-file");
        }
        String password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
        return Optional.of(tls(address)
                .withPinnedCertificate(CertificateFingerprint.parse(fingerprint))
                .withCredentials(new Credentials(user, password.toCharArray())));
    }

    /**
     * The collector to offer in the Connect dialog at start ({@code start-console.sh --offer
     * HOST:PORT}, which {@code releng/run.sh} passes for the collector it starts), or empty. Nothing
     * is trusted or sent until the operator confirms the dialog and the certificate.
     */
    public static Optional<ConnectionSettings> offeredAtStart() {
        String address = System.getProperty(OFFER, "");
        return address.isBlank() ? Optional.empty() : Optional.of(tls(address));
    }

    /** The user name given with {@code --user}, or empty. */
    public static String offeredUser() {
        return System.getProperty(USER, "");
    }

    private static ConnectionSettings tls(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not HOST:PORT: " + address);
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        return ConnectionSettings.tls(host, Integer.parseInt(address.substring(colon + 1)));
    }
}
