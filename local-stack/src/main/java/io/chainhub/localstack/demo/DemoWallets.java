package io.chainhub.localstack.demo;

import java.math.BigInteger;
import java.security.GeneralSecurityException;

import io.chainhub.devchain.DevChain;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Convert;

/**
 * Fresh wallets for each demo run, so a second run raises new alerts and opens new deposit addresses
 * instead of updating the first run's. Funded with anvil's {@code anvil_setBalance}: no funding transfer
 * that would itself show up in the fraud rules.
 */
final class DemoWallets {

    private DemoWallets() {
    }

    static Credentials fresh() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a key pair", e);
        }
    }

    /** A new address nobody holds the key of (lowercase). */
    static String freshAddress() {
        return fresh().getAddress();
    }

    static Credentials funded(DevChain chain, long ether) {
        Credentials wallet = fresh();
        BigInteger wei = Convert.toWei(BigInteger.valueOf(ether).toString(), Convert.Unit.ETHER).toBigInteger();
        chain.rpc("anvil_setBalance", wallet.getAddress(), "0x" + wei.toString(16));
        return wallet;
    }

    static BigInteger wei(String ether) {
        return Convert.toWei(ether, Convert.Unit.ETHER).toBigInteger();
    }
}
