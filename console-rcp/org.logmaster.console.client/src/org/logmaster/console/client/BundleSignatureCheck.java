package org.logmaster.console.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.logmaster.console.client.EvidenceBundleCheck.Check;

/**
 * The two cryptographic checks of a saved bundle that need more than a digest: the detached CMS
 * signature over {@code manifest.json} was made with the key of {@code certificates/appliance.pem},
 * and the RFC 3161 time stamp is a signed stamp over the bytes of {@code signature.p7s}. Whether
 * appliance.pem is the court's known appliance, and the TSA chain up to its root, stay with
 * {@code openssl} and an independent copy of the fingerprint, as VERIFY.txt says.
 */
final class BundleSignatureCheck {

    static final String SIGNED = "manifest.json is signed with the key of certificates/appliance.pem";
    static final String STAMPED = "the time stamp is signed and covers META-INF/signature.p7s";

    private BundleSignatureCheck() {
    }

    /** @param applianceChain the bytes of certificates/appliance.pem, or null when the bundle has none */
    static Check signature(byte[] manifest, byte[] p7s, byte[] applianceChain) {
        if (p7s == null || applianceChain == null) {
            return new Check(SIGNED, false, "META-INF/signature.p7s or certificates/appliance.pem is missing");
        }
        try {
            Collection<? extends java.security.cert.Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(applianceChain));
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), p7s);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Check(SIGNED, false, "expected one signer in signature.p7s, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            for (java.security.cert.Certificate certificate : chain) {
                X509Certificate candidate = (X509Certificate) certificate;
                if (signer.getSID().match(new X509CertificateHolder(candidate.getEncoded()))) {
                    boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(candidate));
                    return valid ? new Check(SIGNED, true, "signed by " + candidate.getSubjectX500Principal().getName())
                            : new Check(SIGNED, false, "signature.p7s does not match manifest.json");
                }
            }
            return new Check(SIGNED, false, "signature.p7s was made with a key that certificates/appliance.pem does not hold");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException | RuntimeException e) {
            // BouncyCastle reports a digest mismatch as an exception ("message-digest attribute value does not match")
            return new Check(SIGNED, false, "signature.p7s does not verify over manifest.json: " + e.getMessage());
        }
    }

    static Check timeStamp(byte[] p7s, byte[] tsr) {
        if (p7s == null || tsr == null) {
            return new Check(STAMPED, false, "META-INF/signature.p7s or META-INF/signature.tsr is missing");
        }
        try {
            TimeStampToken token = new TimeStampResponse(tsr).getTimeStampToken();
            if (token == null) {
                return new Check(STAMPED, false, "signature.tsr holds no granted time stamp");
            }
            List<X509CertificateHolder> tsa = List.copyOf(token.getCertificates().getMatches(token.getSID()));
            if (tsa.isEmpty()) {
                return new Check(STAMPED, false, "signature.tsr does not carry the TSA's certificate");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.get(0)));
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(token.getTimeStampInfo().getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(p7s);
            }
            if (!Arrays.equals(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return new Check(STAMPED, false, "signature.tsr stamps something other than META-INF/signature.p7s");
            }
            return new Check(STAMPED, true, "stamped " + token.getTimeStampInfo().getGenTime().toInstant()
                    + " by " + tsa.get(0).getSubject());
        } catch (TSPException | OperatorCreationException | GeneralSecurityException | IOException | RuntimeException e) {
            return new Check(STAMPED, false, "signature.tsr does not verify: " + e.getMessage());
        }
    }
}
