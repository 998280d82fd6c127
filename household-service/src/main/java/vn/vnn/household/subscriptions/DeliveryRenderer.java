package vn.vnn.household.subscriptions;

import vn.vnn.household.feeds.PartnerEvents;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;

/** Renders a delivery for subscriptions of another kind than webhooks (e.g. DCI notify messages). */
public interface DeliveryRenderer {

    /** True when this renderer sends the deliveries of subscriptions of {@code kind}. */
    boolean renders(String kind);

    HttpRequest request(Subscription subscription, PartnerEvents.Event event, OffsetDateTime now);
}
