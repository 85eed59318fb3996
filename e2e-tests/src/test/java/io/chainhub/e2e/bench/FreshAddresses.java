package io.chainhub.e2e.bench;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.Keys;

/** Addresses of new keys: every withdrawal and raw transfer pays an account the chain has never seen. */
final class FreshAddresses {

    private FreshAddresses() {
    }

    static String one() {
        try {
            return "0x" + Keys.getAddress(Keys.createEcKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> of(int count) {
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(one());
        }
        return addresses;
    }
}
