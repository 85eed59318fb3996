package io.chainhub.notification.subscription;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The event kinds a subscription can ask for, and how a subscribed kind matches an event's type. */
public final class EventTypes {

    public static final String TRANSFER_OBSERVED = "transfer.observed";
    public static final String TRANSFER_CONFIRMED = "transfer.confirmed";
    public static final String TRANSFER_REVERTED = "transfer.reverted";
    public static final String FRAUD_ALERT = "fraud.alert";
    public static final String CUSTODY_ANY = "custody.*";

    private static final Set<String> FIXED = Set.of(TRANSFER_OBSERVED, TRANSFER_CONFIRMED, TRANSFER_REVERTED,
            FRAUD_ALERT, CUSTODY_ANY);
    private static final Pattern CUSTODY = Pattern.compile("custody\\.[a-z]+(\\.[a-z_]+)*");

    private EventTypes() {
    }

    public static boolean isValid(String type) {
        return type != null && (FIXED.contains(type) || CUSTODY.matcher(type).matches());
    }

    /** {@code custody.*} covers every custody event; anything else matches exactly. */
    public static boolean covers(List<String> subscribed, String eventType) {
        return subscribed.contains(eventType) || (eventType.startsWith("custody.") && subscribed.contains(CUSTODY_ANY));
    }
}
