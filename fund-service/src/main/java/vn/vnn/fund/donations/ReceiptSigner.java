package vn.vnn.fund.donations;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Signs receipt PDFs (chữ ký số) as PAdES baseline B: an incremental update holding a detached CMS signature
 * (ETSI.CAdES.detached) with the signer's certificate bound by its ESS signing-certificate-v2 attribute and no signing
 * time inside the CMS (the PDF's signature dictionary carries it). The key comes from a PKCS#12 keystore that a
 * deployment configures ({@code vnn.receipts.signing.keystore}, {@code .password}); without one a development key and
 * self-signed certificate are made at start and a warning says so — such receipts verify, but prove nothing.
 */
@ApplicationScoped
public class ReceiptSigner {

    private static final Logger LOG = Logger.getLogger(ReceiptSigner.class);
    static final String DEVELOPMENT_SUBJECT = "CN=Quy Vi nguoi ngheo - KHOA PHAT TRIEN (development only),O=VNN,C=VN";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    ReceiptSigner(@ConfigProperty(name = "vnn.receipts.signing.keystore") Optional<String> keystore,
                  @ConfigProperty(name = "vnn.receipts.signing.password") Optional<String> password) {
        try {
            if (keystore.isPresent() && !keystore.get().isBlank()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                char[] secret = password.orElse("").toCharArray();
                try (InputStream in = Files.newInputStream(Path.of(keystore.get()))) {
                    store.load(in, secret);
                }
                String alias = firstKeyAlias(store);
                key = (PrivateKey) store.getKey(alias, secret);
                chain = java.util.Arrays.stream(store.getCertificateChain(alias)).map(c -> (X509Certificate) c)
                        .toList();
                certificate = chain.get(0);
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                key = pair.getPrivate();
                certificate = selfSigned(pair);
                chain = List.of(certificate);
                LOG.warn("Receipts are signed with a development key made at start (vnn.receipts.signing.keystore "
                        + "is not set): configure the fund's own certificate before issuing real receipts");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the receipt signing key could not be loaded", e);
        }
    }

    /** The certificate receipts are signed with. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The PDF with a PAdES signature added as an incremental update (the signed bytes are the PDF as given). */
    public byte[] sign(byte[] pdf, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(certificate.getSubjectX500Principal().getName());
            signature.setLocation("Việt Nam");
            signature.setReason(reason);
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, this::cms);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(padesAttributes())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("the receipt could not be signed", e);
        }
    }

    /** Content type, message digest and the signing certificate's hash; never a signing time (PAdES B-B). */
    private CMSAttributeTableGenerator padesAttributes() throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                new SigningCertificateV2(new ESSCertIDv2[]{new ESSCertIDv2(
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash)}))));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                new AttributeTable(attributes));
        return parameters -> {
            AttributeTable table = defaults.getAttributes(parameters);
            return table.remove(CMSAttributes.signingTime);
        };
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("the keystore holds no private key");
    }

    private static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException,
            OperatorCreationException, IOException {
        Instant now = Instant.now();
        X500Name subject = new X500Name(DEVELOPMENT_SUBJECT);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(pair.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
