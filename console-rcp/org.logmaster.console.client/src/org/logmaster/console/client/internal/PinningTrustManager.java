package org.logmaster.console.client.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.logmaster.console.client.CertificateFingerprint;

/**
 * Trust on first use: the collector's certificate is trusted when its SHA-256 fingerprint equals
 * the one the operator accepted before, and rejected otherwise. The collector is an appliance
 * with a self-signed certificate, usually reached by address, so neither a CA chain nor the host
 * name is checked; the pin is the whole trust decision. (Extending X509ExtendedTrustManager keeps
 * the JDK from adding its own host name check around this one.)
 *
 * <p>The fingerprint of the last presented certificate is kept so that a rejected handshake can
 * be shown to the operator for a decision.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final CertificateFingerprint pinned;
    private final AtomicReference<CertificateFingerprint> lastPresented = new AtomicReference<>();

    PinningTrustManager(CertificateFingerprint pinned) {
        this.pinned = pinned;
    }

    Optional<CertificateFingerprint> lastPresented() {
        return Optional.ofNullable(lastPresented.get());
    }

    Optional<CertificateFingerprint> pinned() {
        return Optional.ofNullable(pinned);
    }

    private void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the collector presented no certificate");
        }
        CertificateFingerprint presented = CertificateFingerprint.of(chain[0]);
        lastPresented.set(presented);
        if (pinned == null) {
            throw new CertificateException("certificate " + presented + " has not been accepted yet");
        }
        if (!pinned.equals(presented)) {
            throw new CertificateException("certificate " + presented + " differs from the accepted " + pinned);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the console does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
