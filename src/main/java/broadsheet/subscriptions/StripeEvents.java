package broadsheet.subscriptions;

import broadsheet.subscriptions.StripeEventDao.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what Stripe's webhooks report to the subscriptions table.
 *
 * <p>Stripe may deliver an event twice and in any order. Each event is handled in one transaction
 * that first records its id (a replay finds the id and changes nothing), and a subscription
 * snapshot (customer.subscription.*) or invoice is applied only when it stands after the last one
 * applied to that row in Stripe's order ({@link EventOrder}: the second it was created in, then the
 * subscription's own state), so a late, older "updated" cannot undo a newer "deleted", and a
 * "created" saying "incomplete" cannot undo the payment reported in the same second.
 *
 * <p>The event and the object inside it are read as plain JSON, field by field: fields such as the
 * period end have moved between API versions (from the subscription to its items, from
 * {@code invoice.subscription} to {@code invoice.parent}), and an account's webhook API version need
 * not match the one our own requests pin ({@link StripeHttp#API_VERSION}). The signature is checked
 * first, on the exact bytes received ({@link StripeSignature}).
 */
public final class StripeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(StripeEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request was not signed by Stripe with this endpoint's secret (or is not an event at all). */
    public static final class BadSignature extends Exception {
        BadSignature(String message) {
            super(message);
        }
    }

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        IGNORED
    }

    private final Jdbi jdbi;
    private final String secret;
    private final Duplicates duplicates;

    public StripeEvents(Jdbi jdbi, String webhookSecret, Duplicates duplicates) {
        this.jdbi = jdbi;
        this.secret = webhookSecret;
        this.duplicates = duplicates;
    }

    /** Checks the {@code Stripe-Signature} header against the exact payload, then applies the event once. */
    public Outcome receive(String payload, String signatureHeader) throws BadSignature {
        if (signatureHeader == null || signatureHeader.isBlank()) throw new BadSignature("no Stripe-Signature header");
        StripeSignature.verify(payload, signatureHeader, secret, Instant.now());
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new BadSignature("the payload is not a Stripe event");
        }
        String id = StripeHttp.text(event, "id");
        String type = StripeHttp.text(event, "type");
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !event.path("created").canConvertToLong() || !object.isObject()) {
            throw new BadSignature("the payload is not a Stripe event");
        }
        Instant created = Instant.ofEpochSecond(event.path("created").asLong());
        List<Long> duplicated = new ArrayList<>(); // found in this event, settled at Stripe once it is recorded
        Outcome outcome = jdbi.inTransaction(h -> {
            duplicated.clear(); // (a retried transaction starts again)
            if (!StripeEventDao.recordEvent(h, id, type, created)) return Outcome.DUPLICATE;
            boolean applied = switch (type) {
                case "checkout.session.completed" -> checkoutCompleted(h, object);
                case "customer.subscription.created", "customer.subscription.updated" ->
                    subscriptionChanged(h, object, created, id, false, duplicated);
                case "customer.subscription.deleted" -> subscriptionChanged(h, object, created, id, true, duplicated);
                case "invoice.paid" -> invoicePaid(h, object, created);
                case "invoice.payment_failed" -> paymentFailed(h, object, created);
                default -> false;
            };
            return applied ? Outcome.APPLIED : Outcome.IGNORED;
        });
        LOG.info("Stripe event {} ({}): {}", id, type, outcome);
        duplicated.forEach(duplicates::settle);
        return outcome;
    }

    // --- the events

    /** The reader paid at Checkout: tie their account to the Stripe customer and subscription. */
    private boolean checkoutCompleted(Handle h, JsonNode session) {
        if (!"subscription".equals(session.path("mode").asText())) return false;
        Long userId = user(h, session.path("client_reference_id").asText(null));
        String subId = id(session.path("subscription"));
        if (userId == null || subId == null) return false;
        CheckoutDao.completed(h, userId); // from now on the subscription row guards against a second
        if (DuplicateDao.isDuplicate(h, subId)) return true;
        String customer = id(session.path("customer"));
        Long planId = planId(h, null, session.path("metadata").path("plan").asText(null));
        if (StripeEventDao.insertFromCheckout(h, userId, planId, customer, subId)) return true;
        Row row = StripeEventDao.lockByUser(h, userId);
        if (subId.equals(row.stripeSubscriptionId()) || row.followsLive()) {
            // already told by the subscription's own event, or the reader has a live subscription (or access
            // from elsewhere): the subscription's own event decides, and finds a duplicate if it is one
            StripeEventDao.setCustomer(h, row.id(), customer);
            return true;
        }
        StripeEventDao.followCheckout(h, row.id(), subId, customer, planId);
        return true;
    }

    /** A snapshot of the subscription: applied whole, when it stands after the last event applied. */
    private boolean subscriptionChanged(
            Handle h, JsonNode sub, Instant created, String eventId, boolean deleted, List<Long> duplicated) {
        String subId = sub.path("id").asText(null);
        Long end = periodEnd(sub);
        if (subId == null || end == null) return false;
        SubscriptionStatus status = deleted
                ? SubscriptionStatus.CANCELED
                : status(sub.path("status").asText(""));
        Instant periodEnd = Instant.ofEpochSecond(end);
        boolean ended = deleted || status == SubscriptionStatus.CANCELED;
        boolean cancelAtEnd =
                !deleted && (sub.path("cancel_at_period_end").asBoolean(false) || sub.hasNonNull("cancel_at"));
        EventOrder order = EventOrder.snapshot(created, ended, end, status, cancelAtEnd, eventId);
        if (deleted && sub.hasNonNull("ended_at")) {
            Instant endedAt = Instant.ofEpochSecond(sub.path("ended_at").asLong());
            if (endedAt.isBefore(periodEnd)) periodEnd = endedAt;
        }
        String customer = id(sub.path("customer"));
        JsonNode item = sub.path("items").path("data").path(0);
        Long planId = planId(
                h,
                item.path("price").path("id").asText(null),
                sub.path("metadata").path("plan").asText(null));

        Optional<Row> found = StripeEventDao.lockBySubscription(h, subId);
        Row row;
        if (found.isPresent()) {
            row = found.get();
            if (!order.after(row.lastEvent())) return false; // Stripe's order, not the order of arrival
        } else {
            if (DuplicateDao.isDuplicate(h, subId)) return false; // cancelled as a duplicate: its news changes nothing
            Long userId = user(h, sub.path("metadata").path("user_id").asText(null));
            if (userId == null && customer != null) {
                userId = StripeEventDao.userByCustomer(h, customer).orElse(null);
            }
            if (userId == null) return false; // not a subscription made through this site
            StripeEventDao.insertWaiting(h, userId);
            row = StripeEventDao.lockByUser(h, userId);
            // news of some other subscription may not replace a subscription Stripe has told us about since
            // (nor say that it is live: it may have ended since)
            if (row.stripeEventAt() != null && created.isBefore(row.stripeEventAt())) return false;
            Instant subCreated = sub.hasNonNull("created")
                    ? Instant.ofEpochSecond(sub.path("created").asLong())
                    : null;
            if (!ended && row.followsLive()) {
                // one reader, two live subscriptions: one is cancelled and refunded, the row follows the other
                boolean keepRow = keepFirst(row, subId, subCreated, gives(status, periodEnd));
                String gone = keepRow ? subId : row.stripeSubscriptionId();
                String kept = keepRow ? row.stripeSubscriptionId() : subId;
                DuplicateDao.record(h, userId, gone, kept).ifPresent(duplicated::add);
                if (keepRow) return true;
                StripeEventDao.applySnapshot(
                        h,
                        row.id(),
                        subId,
                        customer,
                        planId,
                        status,
                        periodEnd,
                        cancelAtEnd,
                        created,
                        order,
                        subCreated);
                return true;
            }
            // nor take away access the reader has now
            if (row.givesAccess() && !gives(status, periodEnd)) return false;
        }
        Instant subCreated = sub.hasNonNull("created")
                ? Instant.ofEpochSecond(sub.path("created").asLong())
                : null;
        StripeEventDao.applySnapshot(
                h, row.id(), subId, customer, planId, status, periodEnd, cancelAtEnd, created, order, subCreated);
        return true;
    }

    /**
     * Of the subscription the row follows and another live one: true to keep the row's. The one that gives
     * access, if only one does (the other has charged nothing yet); otherwise the older at Stripe (the row's
     * when its creation is not known yet: it was reported first), the id breaking a tie.
     */
    private static boolean keepFirst(Row row, String otherId, Instant otherCreated, boolean otherGives) {
        if (row.givesAccess() != otherGives) return row.givesAccess();
        if (row.subscriptionCreated() == null || otherCreated == null) return true;
        int c = row.subscriptionCreated().compareTo(otherCreated);
        return c != 0 ? c < 0 : row.stripeSubscriptionId().compareTo(otherId) < 0;
    }

    /**
     * A payment went through: the period reaches the invoice's end at once, and a subscription waiting for
     * its first payment, or overdue, is active. A paid invoice arriving before any snapshot of its
     * subscription finds the reader by the subscription's metadata, as a snapshot would.
     */
    private boolean invoicePaid(Handle h, JsonNode invoice, Instant created) {
        long lineEnd = 0;
        for (JsonNode line : invoice.path("lines").path("data")) {
            if (line.path("period").hasNonNull("end"))
                lineEnd = Math.max(lineEnd, line.path("period").path("end").asLong());
        }
        EventOrder order = EventOrder.invoice(created, lineEnd, EventOrder.PAID);
        Optional<Row> found = invoiceRow(h, invoice);
        if (found.isEmpty()) return firstPaidInvoice(h, invoice, lineEnd, order);
        Row row = found.get();
        if (!order.after(row.lastEvent())) return false;
        if (row.status() == SubscriptionStatus.CANCELED || row.status() == SubscriptionStatus.REVOKED) return false;
        Instant end = row.periodEnd();
        if (Instant.ofEpochSecond(lineEnd).isAfter(end)) end = Instant.ofEpochSecond(lineEnd);
        if (!end.isAfter(Instant.now())) return false;
        StripeEventDao.markPaid(h, row.id(), end, order);
        return true;
    }

    /** The first payment, before Stripe's snapshot: the reader's row follows it if it follows no other subscription. */
    private boolean firstPaidInvoice(Handle h, JsonNode invoice, long lineEnd, EventOrder order) {
        String subId = invoiceSubscription(invoice);
        JsonNode metadata = invoice.path("parent").path("subscription_details").path("metadata");
        if (metadata.isMissingNode())
            metadata = invoice.path("subscription_details").path("metadata");
        Long userId = user(h, metadata.path("user_id").asText(null));
        Instant end = Instant.ofEpochSecond(lineEnd);
        if (subId == null || userId == null || !end.isAfter(Instant.now())) return false;
        StripeEventDao.insertWaiting(h, userId);
        Row row = StripeEventDao.lockByUser(h, userId);
        if (row.stripeSubscriptionId() != null || row.givesAccess()) return false;
        Long planId = planId(h, null, metadata.path("plan").asText(null));
        StripeEventDao.followPaidInvoice(h, row.id(), subId, id(invoice.path("customer")), planId, end, order);
        return true;
    }

    /** A renewal could not be charged: Stripe retries for a while, during which the reader keeps access. */
    private boolean paymentFailed(Handle h, JsonNode invoice, Instant created) {
        Optional<Row> found = invoiceRow(h, invoice);
        if (found.isEmpty()) return false;
        Row row = found.get();
        EventOrder order = EventOrder.invoice(created, 0, EventOrder.OVERDUE);
        if (!order.after(row.lastEvent())) return false;
        if (row.status() != SubscriptionStatus.ACTIVE) return false;
        StripeEventDao.markPastDue(h, row.id(), order);
        return true;
    }

    // --- reading Stripe's JSON

    /** Stripe's subscription statuses in ours: trialing gives access like active; the ends of the road are cancelled. */
    static SubscriptionStatus status(String stripe) {
        return switch (stripe) {
            case "active", "trialing" -> SubscriptionStatus.ACTIVE;
            case "past_due" -> SubscriptionStatus.PAST_DUE;
            case "canceled", "unpaid", "incomplete_expired" -> SubscriptionStatus.CANCELED;
            default -> SubscriptionStatus.INCOMPLETE; // incomplete, paused
        };
    }

    /** The period's end: on the subscription in older API versions, on each item since 2025-03-31. */
    static Long periodEnd(JsonNode sub) {
        if (sub.hasNonNull("current_period_end"))
            return sub.path("current_period_end").asLong();
        Long end = null;
        for (JsonNode item : sub.path("items").path("data")) {
            if (item.hasNonNull("current_period_end"))
                end = Math.max(
                        end == null ? 0 : end, item.path("current_period_end").asLong());
        }
        return end;
    }

    /** An id that may come as a string or as an expanded object. */
    private static String id(JsonNode n) {
        if (n.isTextual()) return n.asText();
        if (n.isObject() && n.hasNonNull("id")) return n.path("id").asText();
        return null;
    }

    private static String invoiceSubscription(JsonNode invoice) {
        String subId = id(invoice.path("parent").path("subscription_details").path("subscription"));
        return subId != null ? subId : id(invoice.path("subscription"));
    }

    private static Optional<Row> invoiceRow(Handle h, JsonNode invoice) {
        String subId = invoiceSubscription(invoice);
        return subId == null ? Optional.empty() : StripeEventDao.lockBySubscription(h, subId);
    }

    private static Long user(Handle h, String id) {
        if (id == null || !id.matches("\\d{1,18}")) return null;
        return StripeEventDao.userById(h, Long.parseLong(id)).orElse(null);
    }

    private static Long planId(Handle h, String priceId, String slug) {
        if (priceId != null) {
            Optional<Long> p = StripeEventDao.planByPrice(h, priceId);
            if (p.isPresent()) return p.get();
        }
        if (slug == null) return null;
        return StripeEventDao.planBySlug(h, slug).orElse(null);
    }

    private static boolean gives(SubscriptionStatus status, Instant end) {
        return StripeEventDao.gives(status, end);
    }
}
