package vn.vnn.household.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.feeds.PartnerEvents;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Partners' subscriptions: each partner manages its own (admins all of them), hears only from its granted areas,
 * rotates its secret, replays a time range, and sees how each delivery went.
 */
@ApplicationScoped
public class Subscriptions {

    public static final int MAX_PER_CLIENT = 20;
    /** A replay re-delivers at most this many events; ask for shorter ranges beyond it. */
    public static final int MAX_REPLAY = 100_000;

    private final Caller caller;
    private final AuditLog audit;
    private final PartnerEvents events;
    private final Deliveries deliveries;
    private final boolean allowLoopback;

    Subscriptions(Caller caller, AuditLog audit, PartnerEvents events, Deliveries deliveries,
                  @ConfigProperty(name = "vnn.webhooks.allow-loopback", defaultValue = "false") boolean allowLoopback) {
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.deliveries = deliveries;
        this.allowLoopback = allowLoopback;
    }

    /** A new subscription; its secret is told once, in the answer. */
    @Transactional
    public Subscription create(String url, List<String> eventTypes, List<String> areaCodes) {
        Subscription s = new Subscription();
        s.id = Ids.newId();
        s.clientId = caller.actor();
        s.url = checkedUrl(url);
        s.eventTypes = checkedTypes(eventTypes);
        s.areaCodes = areas(areaCodes);
        if (Subscription.count("clientId = ?1 and active = true", s.clientId) >= MAX_PER_CLIENT) {
            throw ProblemException.conflict("A client has at most " + MAX_PER_CLIENT + " active subscriptions");
        }
        s.secret = WebhookSignature.newSecret();
        s.active = true;
        s.createdAt = now();
        s.updatedAt = s.createdAt;
        s.persist();
        audit.record("SUBSCRIPTION", s.id, "CREATED", caller.actor(), String.join(",", s.eventTypes) + " -> "
                + URI.create(s.url).getHost());
        return s;
    }

    /**
     * A DCI subscription (see the dci package): delivered as signed DCI notify messages to {@code url}, for the
     * recognitions in {@code areaCodes} (already checked against the caller's areas; null: all of them) whose status
     * is one of {@code statuses}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Subscription createDci(String url, String[] areaCodes, String[] statuses, String code, String senderId) {
        Subscription s = new Subscription();
        s.id = Ids.newId();
        s.clientId = caller.actor();
        s.kind = "DCI";
        s.url = url;
        s.eventTypes = new String[]{PartnerEvents.STATUS_RECOGNIZED};
        s.areaCodes = areaCodes;
        s.statusFilter = statuses;
        s.dciCode = code;
        s.dciSenderId = senderId;
        s.secret = WebhookSignature.newSecret(); // unused: DCI messages are signed with the registry's key
        s.active = true;
        s.createdAt = now();
        s.updatedAt = s.createdAt;
        s.persist();
        audit.record("SUBSCRIPTION", s.id, "CREATED", caller.actor(), "DCI " + code + " -> " + URI.create(url).getHost());
        return s;
    }

    /** The caller's DCI subscription with {@code code}, ended; null when it has none such. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Subscription endDci(String code) {
        Subscription s = Subscription.<Subscription>find("dciCode = ?1", code).firstResult();
        if (s == null || !(s.clientId.equals(caller.actor()) || caller.hasRole(Roles.ADMIN))) {
            return null;
        }
        if (s.active) {
            s.active = false;
            s.updatedAt = now();
            audit.record("SUBSCRIPTION", s.id, "ENDED", caller.actor(), "DCI " + code);
        }
        return s;
    }

    @Transactional
    public List<Subscription> list() {
        return caller.hasRole(Roles.ADMIN) ? Subscription.list("order by createdAt")
                : Subscription.list("clientId = ?1 order by createdAt", caller.actor());
    }

    @Transactional
    public Subscription get(UUID id) {
        return find(id);
    }

    /** Ends the subscription: nothing more is queued or sent; its history stays readable. */
    @Transactional
    public Subscription end(UUID id) {
        Subscription s = find(id);
        s.active = false;
        s.updatedAt = now();
        audit.record("SUBSCRIPTION", s.id, "ENDED", caller.actor(), null);
        return s;
    }

    /** A new secret; the previous one keeps signing alongside for {@code overlapHours} (default 24). */
    @Transactional
    public Subscription rotate(UUID id, Integer overlapHours) {
        int hours = overlapHours == null ? 24 : overlapHours;
        if (hours < 0 || hours > 168) {
            throw ProblemException.invalid("overlapHours", "between 0 and 168");
        }
        Subscription s = find(id);
        s.rotate(Duration.ofHours(hours), now());
        audit.record("SUBSCRIPTION", s.id, "SECRET_ROTATED", caller.actor(), "previous secret signs for " + hours
                + " h");
        return s;
    }

    /** Queues again every event of the subscription's types and areas recorded in [from, to): a replay. */
    @Transactional
    public int replay(UUID id, OffsetDateTime from, OffsetDateTime to) {
        Subscription s = find(id);
        if (!s.active) {
            throw ProblemException.conflict("The subscription has ended");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.invalid("to", "give from and to, from before to");
        }
        List<UUID> recorded = events.recordedBetween(List.of(s.eventTypes), from, to);
        if (recorded.size() > MAX_REPLAY) {
            throw ProblemException.invalid("to", "more than " + MAX_REPLAY + " events in the range; split it");
        }
        int queued = 0;
        for (UUID event : recorded) {
            queued += events.queue(event, s.id, true);
        }
        audit.record("SUBSCRIPTION", s.id, "REPLAYED", caller.actor(), from + " .. " + to + ": " + queued);
        return queued;
    }

    /** Parked deliveries wait again, from now. */
    @Transactional
    public int redeliverParked(UUID id) {
        Subscription s = find(id);
        return deliveries.unpark(s.id);
    }

    @Transactional
    public List<Deliveries.Delivery> deliveries(UUID id, String state, int limit) {
        if (state != null && !Set.of("PENDING", "DELIVERED", "PARKED").contains(state)) {
            throw ProblemException.invalid("state", "PENDING, DELIVERED or PARKED");
        }
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "between 1 and 500");
        }
        return deliveries.of(find(id).id, state, limit);
    }

    private Subscription find(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null || !(caller.hasRole(Roles.ADMIN) || s.clientId.equals(caller.actor()))) {
            throw ProblemException.notFound("Subscription", id);
        }
        return s;
    }

    /** The areas asked for, each within the caller's; none asked: all the caller's (null when national). */
    private String[] areas(List<String> asked) {
        AreaScope scope = caller.scope();
        if (scope.nothing()) {
            throw ProblemException.invalid("areaCodes", "your client has no granted areas");
        }
        if (asked == null || asked.isEmpty()) {
            return scope.national() ? null : scope.queryAreas().toArray(String[]::new);
        }
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(asked));
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            java.time.LocalDate today = java.time.LocalDate.now(vn.vnn.kit.time.VietnamClock.ZONE);
            if (code == null || !code.matches("[0-9]{2,10}") || !AdminUnit.reachedBy(scope, code, today)) {
                throw ProblemException.invalid("areaCodes[" + i + "]", "is not an area granted to you");
            }
        }
        return codes.toArray(String[]::new);
    }

    private static String[] checkedTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw ProblemException.invalid("eventTypes", "name at least one of " + PartnerEvents.TYPES);
        }
        for (int i = 0; i < types.size(); i++) {
            if (!PartnerEvents.TYPES.contains(types.get(i))) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "is none of " + PartnerEvents.TYPES);
            }
        }
        return new LinkedHashSet<>(types).toArray(String[]::new);
    }

    private String checkedUrl(String url) {
        return checkedUrl(url, "url");
    }

    /** https, to a public host; http and loopback only where configured (development, tests). */
    public String checkedUrl(String url, String field) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.invalid(field, "must be an absolute https URL without credentials");
        }
        boolean loopback;
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            loopback = address.isLoopbackAddress();
            if (!loopback && (address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()) && !allowLoopback) {
                throw ProblemException.invalid(field, "must reach a public address");
            }
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "names a host that cannot be resolved");
        }
        if (loopback && !allowLoopback) {
            throw ProblemException.invalid(field, "must reach a public address");
        }
        if (scheme.equals("http") && !loopback) {
            throw ProblemException.invalid(field, "must use https");
        }
        return uri.toString();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
