package io.chainhub.listener.ingest;

import org.web3j.crypto.Hash;

/** Event signatures (topic0) of the token standards the listener captures. */
final class TransferLogs {

    /** ERC-20 (3 topics, value in data) and ERC-721 (4 topics, tokenId indexed) share this signature. */
    static final String TRANSFER = Hash.sha3String("Transfer(address,address,uint256)");
    static final String TRANSFER_SINGLE = Hash.sha3String("TransferSingle(address,address,address,uint256,uint256)");
    static final String TRANSFER_BATCH = Hash.sha3String("TransferBatch(address,address,address,uint256[],uint256[])");

    private TransferLogs() {
    }
}
