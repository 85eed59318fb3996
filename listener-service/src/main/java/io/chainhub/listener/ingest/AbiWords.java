package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Reads 32-byte ABI words out of log data and topics without generated contract wrappers. */
final class AbiWords {

    private final String hex;

    AbiWords(String data) {
        String clean = data == null ? "" : data.startsWith("0x") ? data.substring(2) : data;
        if (clean.length() % 64 != 0) {
            throw new IllegalArgumentException("ABI data is not a whole number of 32-byte words");
        }
        this.hex = clean;
    }

    int size() {
        return hex.length() / 64;
    }

    BigInteger uint(int word) {
        if (word < 0 || word >= size()) {
            throw new IllegalArgumentException("ABI word " + word + " out of range (" + size() + " words)");
        }
        return new BigInteger(hex.substring(word * 64, word * 64 + 64), 16);
    }

    /** A dynamic uint256[] whose head word holds the byte offset of its length word. */
    List<BigInteger> uintArray(int headWord) {
        int start = offsetWord(uint(headWord));
        int length = uint(start).intValueExact();
        List<BigInteger> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(uint(start + 1 + i));
        }
        return values;
    }

    static String address(String topic) {
        String clean = topic.startsWith("0x") ? topic.substring(2) : topic;
        return "0x" + clean.substring(clean.length() - 40).toLowerCase();
    }

    static BigInteger uintTopic(String topic) {
        return new BigInteger(topic.startsWith("0x") ? topic.substring(2) : topic, 16);
    }

    private int offsetWord(BigInteger byteOffset) {
        if (byteOffset.mod(BigInteger.valueOf(32)).signum() != 0) {
            throw new IllegalArgumentException("ABI offset not word-aligned: " + byteOffset);
        }
        return byteOffset.divide(BigInteger.valueOf(32)).intValueExact();
    }
}
