package io.chainhub.events.transfer;

/** Kafka headers ChainHub adds to {@code token-transfers} records besides the CloudEvents ones. */
public final class TransferHeaders {

    /**
     * {@code true} on a REVERTED record whose transfer had already been CONFIRMED: the reorg went deeper than
     * the chain's confirmation depth, so consumers that acted on the confirmation must undo it.
     */
    public static final String DEEP_REORG = "chainhub_deep_reorg";

    private TransferHeaders() {
    }
}
