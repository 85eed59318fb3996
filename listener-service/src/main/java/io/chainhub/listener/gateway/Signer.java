package io.chainhub.listener.gateway;

import org.web3j.crypto.RawTransaction;

/**
 * Signs hot-wallet transactions. The local implementation holds the key in memory (dev chain); an
 * HSM or KMS implementation signs remotely behind the same interface.
 */
public interface Signer {

    /** The hot wallet's address, lowercase. */
    String address();

    /** The signed, RLP-encoded transaction (EIP-155 replay protection with {@code chainId}). */
    byte[] sign(RawTransaction transaction, long chainId);
}
