package org.logmaster.collector.seal;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The {@code .seal.p7s} file: a detached CMS SignedData (DER) over the statement bytes, SHA-256,
 * with the signed attributes content-type, message-digest, signing-time and ESS
 * signing-certificate-v2 (which binds the signer certificate, so it cannot be swapped for another
 * certificate with the same key), and the signer's certificate chain included.
 */
final class StatementSignature {
    private StatementSignature() {
    }

    /** What checking a signature found: the signer (when readable) and what is wrong, if anything. */
    record Check(Optional<X509Certificate> signer, Optional<Instant> signingTime, Optional<SealProblem> problem) {
    }

    static byte[] sign(byte[] statement, ApplianceSigningKey key, Instant signingTime) {
        try {
            X509Certificate certificate = key.certificate();
            ESSCertIDv2 certId = new ESSCertIDv2(
                    Sha256.digest(certificate.getEncoded()),
                    new IssuerSerial(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()),
                            certificate.getSerialNumber()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));

            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(Certificates.signatureAlgorithm(key.privateKey()))
                            .build(key.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(statement), false);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign the seal statement: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code p7s} is a valid signature over {@code statement} and that its signer is
     * trusted (a trusted certificate itself, or chained to one) at {@code trustTime}.
     */
    static Check verify(byte[] statement, byte[] p7s, Collection<X509Certificate> trusted, Optional<Instant> trustTime) {
        CMSSignedData signed;
        SignerInformation signerInfo;
        X509CertificateHolder signerHolder;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(statement), p7s);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return failed(Optional.empty(), "expected one signer, found " + signers.size());
            }
            signerInfo = signers.iterator().next();
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signerInfo.getSID());
            if (matches.isEmpty()) {
                return failed(Optional.empty(), "the signature does not carry its signer's certificate");
            }
            signerHolder = matches.iterator().next();
        } catch (CMSException | RuntimeException e) {
            return failed(Optional.empty(), "not a readable CMS signature: " + e.getMessage());
        }
        X509Certificate signer = Certificates.fromHolder(signerHolder);
        Optional<Instant> signingTime = signingTime(signerInfo);
        try {
            if (!signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerHolder))) {
                return failed(Optional.of(signer), "the signature does not match the statement");
            }
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException
                 | RuntimeException e) {
            return failed(Optional.of(signer), "the signature does not match the statement: " + e.getMessage());
        }
        List<X509Certificate> carried = new ArrayList<>();
        for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
            carried.add(Certificates.fromHolder(holder));
        }
        Date at = Date.from(trustTime.or(() -> signingTime).orElseGet(Instant::now));
        Optional<String> distrust = CertificateTrust.check(signer, carried, trusted, at);
        return new Check(Optional.of(signer), signingTime,
                distrust.map(reason -> new SealProblem(SealProblem.Kind.WRONG_KEY,
                        "signed by " + signer.getSubjectX500Principal().getName() + " (SHA-256 "
                                + Certificates.sha256Fingerprint(signer) + "), not a trusted appliance key: "
                                + reason)));
    }

    private static Optional<Instant> signingTime(SignerInformation signerInfo) {
        AttributeTable attributes = signerInfo.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Check failed(Optional<X509Certificate> signer, String detail) {
        return new Check(signer, Optional.empty(),
                Optional.of(new SealProblem(SealProblem.Kind.BAD_SIGNATURE, detail)));
    }
}
