package vn.vnn.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vnn.gateway.*}: the routing table and the edge's limits. Each route is a service with the path prefixes it
 * owns; what a route does not set comes from the gateway-wide defaults.
 */
@ConfigMapping(prefix = "vnn.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** API path prefixes anyone may call without a token (the fund's public statement, the honours board). */
    @WithDefault("/api/v1/public")
    List<String> publicPrefixes();

    /** How long a service may take to start answering before the gateway answers 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Largest request body passed on; larger ones get 413 (bodies are streamed, never held in memory). */
    @WithDefault("10M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /** Attempts after the first for idempotent calls without a body, when a service cannot be reached or is busy. */
    @WithDefault("2")
    int retries();

    /** Methods that are retried. Others (POST, PATCH, and any call with a body) are sent once. */
    @WithDefault("GET,HEAD,OPTIONS")
    Set<String> retryMethods();

    /** Where browsers reach the Keycloak realm (the Swagger UI's login). */
    String oidcPublicUrl();

    CircuitBreaker circuitBreaker();

    RateLimit rateLimit();

    interface Route {
        /** Base URL of the service, e.g. {@code http://localhost:8082}. */
        String url();

        /** Path prefixes routed to it, e.g. {@code /api/v1/donations}. */
        List<String> prefixes();

        /** This route's timeout; the gateway's {@code request-timeout} when unset. */
        Optional<Duration> timeout();

        /** This route's body limit; the gateway's {@code max-body-size} when unset. */
        Optional<io.quarkus.runtime.configuration.MemorySize> maxBodySize();

        /** This route's requests per client (or per IP, anonymous) and period; the gateway's when unset. */
        Optional<Limit> rateLimit();

        /**
         * Whether the route has an OpenAPI document of its own in the Swagger UI; off for a second route to the
         * same service (its public endpoints, with their own breaker and limits).
         */
        @WithDefault("true")
        boolean openapi();

        /**
         * Whether the route serves a website's pages (the donors' pages): prefixes outside {@code /api/}, no token
         * asked, the route's rate limit per address, and a content security policy for pages instead of the API's.
         */
        @WithDefault("false")
        boolean pages();
    }

    interface CircuitBreaker {
        /** Consecutive failures (unreachable, timed out, 502/503/504) that open the circuit of a route. */
        @WithDefault("5")
        int failures();

        /** How long an open circuit answers 503 at once before one call is let through to test the service. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RateLimit {
        /**
         * Where the buckets live: {@code local} (this instance's memory; with several instances each counts its own
         * share) or {@code postgres} (shared by every instance, in the database at {@link #database()}).
         */
        @WithDefault("local")
        Store store();

        /** The shared store's database (store {@code postgres}). */
        Database database();

        /** Calls with a token, counted per client and user. */
        Limit authenticated();

        /** Calls without a token, counted per IP address. */
        Limit anonymous();
    }

    enum Store { LOCAL, POSTGRES }

    interface Database {
        /** JDBC URL, e.g. {@code jdbc:postgresql://vnn-postgres-rw:5432/gateway}. */
        Optional<String> url();

        Optional<String> username();

        Optional<String> password();

        /** Connections per instance. */
        @WithDefault("8")
        int maxConnections();
    }

    interface Limit {
        /** Requests allowed per {@link #period()}, refilled continuously. */
        long requests();

        @WithDefault("1m")
        Duration period();
    }
}
