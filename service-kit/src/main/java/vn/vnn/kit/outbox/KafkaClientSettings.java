package vn.vnn.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** How this service's own Kafka clients (the outbox relay, the broker probe) reach and authenticate to the broker. */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> settings;

    KafkaClientSettings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "kafka.security.protocol") Optional<String> securityProtocol,
                        @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
                        @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> jaasConfig) {
        Map<String, Object> all = new HashMap<>();
        all.put("bootstrap.servers", bootstrapServers);
        // As the service's channels do: SASL/SCRAM in deployments (see compose), plain text on the local stack.
        securityProtocol.ifPresent(v -> all.put("security.protocol", v));
        saslMechanism.ifPresent(v -> all.put("sasl.mechanism", v));
        jaasConfig.ifPresent(v -> all.put("sasl.jaas.config", v));
        this.settings = Map.copyOf(all);
    }

    /** Bootstrap servers and security settings, to which a client adds its own. */
    public Map<String, Object> common() {
        return settings;
    }
}
