package io.chainhub.localstack.demo;

import java.math.BigDecimal;
import java.math.BigInteger;

import tools.jackson.databind.JsonNode;

/** How the demo prints addresses, amounts and webhook payloads: short, one line each. */
final class DemoText {

    private DemoText() {
    }

    static String shortAddress(String address) {
        return address == null || address.length() < 12 ? String.valueOf(address)
                : address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }

    /** Base units shown exactly in whole units (no floating point), e.g. 1500000000000000000, 18 → 1.5. */
    static String units(String baseUnits, int decimals) {
        if (baseUnits == null || baseUnits.isEmpty()) {
            return "?";
        }
        BigDecimal value = new BigDecimal(new BigInteger(baseUnits), decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    static String eth(BigInteger wei) {
        return units(wei.toString(), 18) + " ETH";
    }

    /** One line about a verified webhook: what happened, to whom, how much. */
    static String describe(DemoWebhookReceiver.Delivery delivery) {
        JsonNode data = delivery.data();
        String type = delivery.type() == null ? "" : delivery.type();
        if (type.startsWith("transfer.")) {
            JsonNode token = data.path("token");
            String symbol = token.path("symbol").asString("");
            return String.format("%s %s %s %s→%s", data.path("standard").asString(),
                    units(data.path("value").asString(null), token.path("decimals").asInt(0)), symbol,
                    shortAddress(data.path("from").asString(null)), shortAddress(data.path("to").asString(null)));
        }
        if (type.equals("fraud.alert")) {
            return String.format("%s %s %s on %s", data.path("action").asString(), data.path("ruleId").asString(),
                    data.path("severity").asString(), shortAddress(data.path("subject").asString(null)));
        }
        if (type.startsWith("custody.")) {
            String tx = data.path("txHash").asString(null);
            String token = data.path("token").asString(null);
            return String.format("state %s, %s %s%s", data.path("state").asString(),
                    units(data.path("amount").asString(null), data.path("decimals").asInt(18)),
                    token == null || token.equals("native") ? "ETH" : "of " + shortAddress(token),
                    tx == null ? "" : ", tx " + tx);
        }
        return "";
    }
}
