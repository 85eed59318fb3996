package io.chainhub.fraud.alert;

enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
