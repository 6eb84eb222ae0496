package org.logmaster.collector.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** The checks both the time-stamp client and the seal verifier apply to an RFC 3161 token. */
final class TimeStampTokenCheck {
    private TimeStampTokenCheck() {
    }

    /**
     * Verifies the token's signature with the TSA certificate carried in the token, including the
     * ESS signing-certificate binding and the critical id-kp-timeStamping usage RFC 3161 demands.
     *
     * @return the TSA certificate
     */
    static X509Certificate checkSignature(TimeStampToken token) throws TimeStampException {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new TimeStampException("the time-stamp token does not carry the TSA certificate");
        }
        X509CertificateHolder holder = matches.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
        } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new TimeStampException("the time-stamp token's signature does not verify: " + e.getMessage(), e);
        }
        return Certificates.fromHolder(holder);
    }

    /** Empty when the TSA certificate leads to one of the anchors at the stamp's time, otherwise why not. */
    static Optional<String> checkTrusted(TimeStampToken token, X509Certificate tsaCertificate,
                                         Collection<X509Certificate> anchors) {
        List<X509Certificate> carried = new ArrayList<>();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            carried.add(Certificates.fromHolder(holder));
        }
        return CertificateTrust.check(tsaCertificate, carried, anchors, token.getTimeStampInfo().getGenTime());
    }

    /** Whether the token's message imprint is the digest of {@code data} (with the token's own algorithm). */
    static boolean imprintMatches(TimeStampToken token, byte[] data) throws TimeStampException {
        try {
            DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build()
                    .get(token.getTimeStampInfo().getHashAlgorithm());
            try (OutputStream out = calculator.getOutputStream()) {
                out.write(data);
            }
            return Arrays.equals(calculator.getDigest(), token.getTimeStampInfo().getMessageImprintDigest());
        } catch (OperatorCreationException | IOException e) {
            throw new TimeStampException("unsupported imprint algorithm "
                    + token.getTimeStampInfo().getMessageImprintAlgOID() + ": " + e.getMessage(), e);
        }
    }
}
