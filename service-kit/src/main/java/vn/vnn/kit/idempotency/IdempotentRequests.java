package vn.vnn.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs that move money or import data. The first response to a key is stored in the
 * same transaction as the write and replayed for the same key and body; the same key with another body is a 422;
 * the same key while the first request is still running is a 409 (a PostgreSQL advisory lock on the key).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    /** Canonical JSON for hashing request bodies: sorted properties, so equal bodies hash equal. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    IdempotentRequests(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /**
     * Runs {@code action} once per {@code (scope, key)}. {@code scope} names the operation and the caller (e.g.
     * {@code "POST /api/v1/donations|fund.officer"}), so that two clients never share keys.
     */
    @Transactional
    public Response execute(String key, String scope, Object requestBody, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The Idempotency-Key header is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "The Idempotency-Key header must be at most " + MAX_KEY_LENGTH + " characters");
        }
        byte[] scopedKey = sha256((scope + "\n" + key).getBytes(StandardCharsets.UTF_8));
        Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ByteBuffer.wrap(scopedKey).getLong()).getSingleResult();
        if (!locked) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                    "A request with this Idempotency-Key is still being processed; retry later");
        }
        String requestHash = HexFormat.of().formatHex(sha256(canonical(requestBody)));
        @SuppressWarnings("unchecked")
        List<Object[]> previous = entityManager.createNativeQuery("""
                        SELECT request_hash, response_status, response_body, response_location
                        FROM idempotency_record WHERE scope = ?1 AND idempotency_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (!previous.isEmpty()) {
            Object[] row = previous.get(0);
            if (!requestHash.equals(row[0].toString().trim())) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request body");
            }
            return replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
        }

        Response response = action.get();
        URI location = response.getLocation();
        entityManager.createNativeQuery("""
                        INSERT INTO idempotency_record
                          (scope, idempotency_key, request_hash, response_status, response_body, response_location)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, response.getStatus())
                .setParameter(5, response.hasEntity() ? json(response.getEntity()) : null)
                .setParameter(6, location == null ? null : location.toString())
                .executeUpdate();
        return response;
    }

    private static Response replay(int status, String body, String location) {
        Response.ResponseBuilder builder = Response.status(status).header(REPLAYED_HEADER, "true");
        if (body != null) {
            builder.entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        return builder.build();
    }

    private String json(Object entity) {
        try {
            return objectMapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }

    private static byte[] canonical(Object body) {
        try {
            return CANONICAL.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be hashed", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
