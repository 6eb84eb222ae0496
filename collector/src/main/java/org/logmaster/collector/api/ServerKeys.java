package org.logmaster.collector.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/** Loads the server's TLS key and certificate chain into a KeyManagerFactory. */
public final class ServerKeys {
    private ServerKeys() {}

    /** A PKCS#12 keystore holding one private key entry with its certificate chain. */
    public static KeyManagerFactory fromPkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        return fromKeyStore(store, password);
    }

    public static KeyManagerFactory fromKeyStore(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }
}
