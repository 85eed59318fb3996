package io.chainhub.fraud.alert;

import java.time.Instant;

/** Who did what to an alert: {@code fraud-service} for the pipeline, the user's token subject for analysts. */
record AlertActivity(String action, String actor, String note, Instant at) {
}
