package io.chainhub.listener.gateway;

import java.io.File;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;

/** A {@link Signer} with the key in process memory: from a hex key or a JSON keystore file. */
final class LocalKeySigner implements Signer {

    private final Credentials credentials;

    private LocalKeySigner(Credentials credentials) {
        this.credentials = credentials;
    }

    static LocalKeySigner fromProperties(GatewayProperties properties) {
        if (properties.keystoreFile() != null && !properties.keystoreFile().isBlank()) {
            try {
                return new LocalKeySigner(WalletUtils.loadCredentials(
                        properties.keystorePassword() == null ? "" : properties.keystorePassword(),
                        new File(properties.keystoreFile())));
            } catch (Exception e) {
                throw new IllegalStateException("cannot open keystore " + properties.keystoreFile() + ": " + e.getMessage(), e);
            }
        }
        return new LocalKeySigner(Credentials.create(properties.privateKey()));
    }

    @Override
    public String address() {
        return credentials.getAddress().toLowerCase();
    }

    @Override
    public byte[] sign(RawTransaction transaction, long chainId) {
        return TransactionEncoder.signMessage(transaction, chainId, credentials);
    }
}
