package org.logmaster.collector.seal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a signer certificate is one we trust: it is itself a trusted certificate (the
 * self-signed appliance case), or a PKIX path leads from it to one (an operator's CA, a public
 * TSA). Checked at the moment the signature was made, so an expired certificate does not turn
 * an old, time-stamped seal invalid. Revocation is not checked: the appliance is offline.
 */
final class CertificateTrust {
    private CertificateTrust() {
    }

    /** Empty when trusted, otherwise why not. */
    static Optional<String> check(X509Certificate signer, Collection<X509Certificate> intermediates,
                                  Collection<X509Certificate> anchors, Date at) {
        if (anchors.contains(signer)) {
            return validAt(signer, at);
        }
        if (anchors.isEmpty()) {
            return Optional.of("no trust anchor configured");
        }
        try {
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trustAnchors.add(new TrustAnchor(anchor, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.add(signer);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPath path = ((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters))
                    .getCertPath();
            return path.getCertificates().isEmpty() ? Optional.of("empty certificate path") : Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("certificate " + signer.getSubjectX500Principal().getName()
                    + " does not chain to a trusted certificate: " + e.getMessage());
        }
    }

    private static Optional<String> validAt(X509Certificate certificate, Date at) {
        try {
            certificate.checkValidity(at);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("certificate " + certificate.getSubjectX500Principal().getName()
                    + " was not valid at " + at.toInstant() + ": " + e.getMessage());
        }
    }
}
