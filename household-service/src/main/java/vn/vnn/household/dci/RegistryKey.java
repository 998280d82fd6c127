package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.sql.TableOwner;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

/**
 * The registry's Ed25519 key, which signs every DCI answer, callback and notification: {@code DCI_SIGNING_KEY} (a
 * base64 PKCS#8 Ed25519 private key) when configured, else one made once and kept in the database, so that every
 * instance signs with the same key and restarts keep it. Its public half is published as JWKS.
 */
@ApplicationScoped
@TableOwner("dci_registry_key")
public class RegistryKey {

    private final EntityManager entityManager;
    private final Optional<String> configured;
    private final String senderId;
    private volatile KeyPair pair;

    RegistryKey(EntityManager entityManager,
                @ConfigProperty(name = "vnn.dci.signing-key") Optional<String> configured,
                @ConfigProperty(name = "vnn.dci.sender-id", defaultValue = "vnn-social-registry") String senderId) {
        this.entityManager = entityManager;
        this.configured = configured.filter(k -> !k.isBlank());
        this.senderId = senderId;
    }

    /** The registry's sender id in DCI headers and in its signatures' kidId. */
    public String senderId() {
        return senderId;
    }

    public String keyId() {
        return DciSignatures.keyId(pair().getPublic());
    }

    public PrivateKey privateKey() {
        return pair().getPrivate();
    }

    /** The JWKS document of the registry's public key. */
    public ObjectNode jwks(ObjectMapper json) {
        ObjectNode jwks = json.createObjectNode();
        jwks.putArray("keys").add(DciSignatures.jwk(pair().getPublic(), keyId()));
        return jwks;
    }

    private KeyPair pair() {
        KeyPair current = pair;
        if (current == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = load(configured.orElseGet(() -> QuarkusTransaction.requiringNew().call(this::stored)));
                }
                current = pair;
            }
        }
        return current;
    }

    /** The stored key, made by the first instance that needs one. */
    private String stored() {
        String made = Base64.getEncoder().encodeToString(generate().getPrivate().getEncoded());
        entityManager.createNativeQuery("""
                        INSERT INTO dci_registry_key (id, private_key, created_at) VALUES (1, ?1, ?2)
                        ON CONFLICT (id) DO NOTHING""").setParameter(1, made)
                .setParameter(2, OffsetDateTime.now()).executeUpdate();
        return (String) entityManager.createNativeQuery("SELECT private_key FROM dci_registry_key WHERE id = 1")
                .getSingleResult();
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    static KeyPair load(String pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8.strip())));
            return new KeyPair(publicOf((EdECPrivateKey) key), key);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("DCI_SIGNING_KEY is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** The public key of an Ed25519 private key, by signing nothing: derived with the JDK's own curve code. */
    private static PublicKey publicOf(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** A "random" source that yields the given seed, so that the generator rebuilds the pair of a known key. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
