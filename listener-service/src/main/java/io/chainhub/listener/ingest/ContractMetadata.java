package io.chainhub.listener.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.listener.rpc.ChainRpc;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Reads {@code symbol()} and {@code decimals()} once per contract and caches them. Contracts that do not
 * implement them (many NFTs) get null symbol; NFTs get 0 decimals since each unit is one token.
 */
public final class ContractMetadata implements TokenMetadata {

    private static final String SYMBOL = "0x95d89b41";
    private static final String DECIMALS = "0x313ce567";

    private final ChainRpc rpc;
    private final Map<String, TokenRef> cache = new ConcurrentHashMap<>();

    public ContractMetadata(ChainRpc rpc) {
        this.rpc = rpc;
    }

    @Override
    public TokenRef lookup(String tokenAddress, TokenStandard standard) {
        return cache.computeIfAbsent(tokenAddress + "/" + standard, key -> read(tokenAddress, standard));
    }

    private TokenRef read(String address, TokenStandard standard) {
        String symbol = decodeSymbol(call(address, SYMBOL));
        Integer decimals = standard == TokenStandard.ERC20 ? decodeDecimals(call(address, DECIMALS)) : Integer.valueOf(0);
        return new TokenRef(address, symbol, decimals);
    }

    private String call(String address, String selector) {
        try {
            return rpc.call("eth_call", node -> ChainRpc.result(node.ethCall(
                    Transaction.createEthCallTransaction(null, address, selector), DefaultBlockParameterName.LATEST).send()));
        } catch (RuntimeException reverted) {
            return null; // the contract does not implement it
        }
    }

    static String decodeSymbol(String hex) {
        if (hex == null || hex.length() <= 2) {
            return null;
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            var decoded = FunctionReturnDecoder.decode(hex, (java.util.List) java.util.List.of(new TypeReference<Utf8String>() { }));
            if (!decoded.isEmpty()) {
                return ((Type<?>) decoded.getFirst()).getValue().toString();
            }
        } catch (RuntimeException notAString) {
            // some old tokens (MKR) return bytes32 instead of string
        }
        String word = hex.substring(2, Math.min(hex.length(), 66));
        byte[] bytes = new java.math.BigInteger(word, 16).toByteArray();
        return new String(bytes, StandardCharsets.UTF_8).replace("\0", "").trim();
    }

    static Integer decodeDecimals(String hex) {
        if (hex == null || hex.length() <= 2) {
            return null;
        }
        return new java.math.BigInteger(hex.substring(2), 16).intValueExact();
    }
}
