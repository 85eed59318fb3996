package io.chainhub.listener.gateway;

/** The one signed transaction of a withdrawal, as persisted before its first broadcast. */
record GatewayTx(String withdrawalId, long chainId, String fromAddress, long nonce, String txHash, String rawTx,
                 int confirmations, String state, Long blockNumber, String blockHash) {
}
