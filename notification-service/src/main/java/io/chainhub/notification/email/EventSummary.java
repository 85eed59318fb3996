package io.chainhub.notification.email;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import io.chainhub.events.kafka.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * A human line and key facts for one delivery payload ({@code {"type", "timestamp", "data"}}). Amounts are
 * shown exactly (base units moved by {@code decimals}), never through floating point.
 *
 * @param details label → value, in display order
 */
record EventSummary(String type, String title, String summary, Map<String, String> details) {

    static EventSummary of(String payload) {
        JsonNode body = EventJson.mapper().readTree(payload);
        String type = body.path("type").asString("");
        JsonNode data = body.path("data");
        Map<String, String> details = new LinkedHashMap<>();
        if (type.startsWith("transfer.")) {
            String symbol = text(data.path("token").path("symbol"), data.path("standard").asString("").equals("NATIVE") ? "ETH" : "tokens");
            String amount = amount(text(data.path("value"), "0"), data.path("token").path("decimals"));
            if (!data.path("tokenId").isNull() && !data.path("tokenId").isMissingNode()) {
                amount = amount + " (token id " + data.path("tokenId").asString() + ")";
            }
            String verb = switch (type) {
                case "transfer.observed" -> "observed";
                case "transfer.confirmed" -> "confirmed";
                case "transfer.reverted" -> "REVERTED by a chain reorganisation";
                default -> type;
            };
            put(details, "From", data.path("from"));
            put(details, "To", data.path("to"));
            put(details, "Token", data.path("token").path("address"));
            put(details, "Chain", data.path("chainId"));
            put(details, "Block", data.path("blockNumber"));
            put(details, "Transaction", data.path("txHash"));
            put(details, "Original webhook id", data.path("originalWebhookId"));
            return new EventSummary(type, "Transfer " + verb + ": " + amount + " " + symbol,
                    amount + " " + symbol + " from " + data.path("from").asString("?") + " to "
                            + data.path("to").asString("?") + " (" + verb + ")", details);
        }
        if (type.equals("fraud.alert")) {
            String severity = data.path("severity").asString("?");
            put(details, "Rule", data.path("ruleId"));
            put(details, "Subject", data.path("subject"));
            put(details, "Action", data.path("action"));
            put(details, "Count", data.path("count"));
            put(details, "Alert id", data.path("alertId"));
            return new EventSummary(type, "Fraud alert (" + severity + "): " + data.path("ruleId").asString("?"),
                    data.path("summary").asString("Alert on " + data.path("subject").asString("?")), details);
        }
        put(details, "Saga", data.path("sagaId"));
        put(details, "Account", data.path("accountId"));
        put(details, "State", data.path("state"));
        put(details, "Amount", data.path("amount"));
        put(details, "Address", data.path("address"));
        put(details, "Transaction", data.path("txHash"));
        return new EventSummary(type, "Custody: " + type, type + " for saga " + data.path("sagaId").asString("?"), details);
    }

    private static String amount(String baseUnits, JsonNode decimals) {
        if (decimals.isMissingNode() || decimals.isNull() || decimals.asInt() == 0) {
            return baseUnits;
        }
        return new BigDecimal(new BigInteger(baseUnits), decimals.asInt()).stripTrailingZeros().toPlainString();
    }

    private static String text(JsonNode node, String fallback) {
        return node.isMissingNode() || node.isNull() ? fallback : node.asString();
    }

    private static void put(Map<String, String> details, String label, JsonNode node) {
        if (!node.isMissingNode() && !node.isNull()) {
            details.put(label, node.asString());
        }
    }
}
