package io.chainhub.fraud.alert;

/** OPEN until someone acknowledges it; RETRACTED when a reorg removed the transfer behind it. */
enum AlertStatus {
    OPEN, ACKNOWLEDGED, RETRACTED
}
