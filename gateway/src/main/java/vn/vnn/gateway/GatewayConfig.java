package vn.vnn.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code vnn.gateway.*}: the routing table. Each route is a service with the path prefixes it owns. */
@ConfigMapping(prefix = "vnn.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** API path prefixes anyone may call without a token (the fund's public statement, the honours board). */
    @WithDefault("/api/v1/public")
    List<String> publicPrefixes();

    /** How long a proxied request may take before the gateway answers 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    interface Route {
        /** Base URL of the service, e.g. {@code http://localhost:8082}. */
        String url();

        /** Path prefixes routed to it, e.g. {@code /api/v1/donations}. */
        List<String> prefixes();
    }
}
