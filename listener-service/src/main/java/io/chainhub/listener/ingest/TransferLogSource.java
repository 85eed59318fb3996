package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.listener.rpc.ChainRpc;
import io.chainhub.listener.rpc.NodeErrorException;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * The {@code Transfer}, {@code TransferSingle} and {@code TransferBatch} logs of a block range, read with
 * {@code eth_getLogs} in chunks of the chain's {@link LogRange}: a chunk the node refuses for its size is
 * split and asked again, so a provider's range limit slows catch-up down but never stops it.
 */
final class TransferLogSource {

    private final ChainRpc rpc;
    private final LogRange range;

    TransferLogSource(ChainRpc rpc, LogRange range) {
        this.rpc = rpc;
        this.range = range;
    }

    List<Log> logs(long from, long to) {
        List<Log> logs = new ArrayList<>();
        long start = from;
        while (start <= to) {
            long end = Math.min(to, start + range.size() - 1);
            try {
                logs.addAll(fetch(start, end));
                range.accepted();
                start = end + 1;
            } catch (NodeErrorException refused) {
                if (!RangeLimit.refused(refused) || !range.shrink(end - start + 1, refused.getMessage())) {
                    throw refused;
                }
            }
        }
        return logs;
    }

    private List<Log> fetch(long from, long to) {
        EthFilter filter = new EthFilter(param(from), param(to), List.of())
                .addOptionalTopics(TransferLogs.TRANSFER, TransferLogs.TRANSFER_SINGLE, TransferLogs.TRANSFER_BATCH);
        List<EthLog.LogResult<?>> results = rpc.call("eth_getLogs", node -> {
            try {
                return ChainRpc.result(node.ethGetLogs(filter).send());
            } catch (ClientConnectionException http) {
                // web3j reports a non-2xx answer as "Invalid response received: 413; ..."
                if (http.getMessage() != null && http.getMessage().contains(": " + RangeLimit.HTTP_PAYLOAD_TOO_LARGE + ";")) {
                    throw new NodeErrorException(RangeLimit.HTTP_PAYLOAD_TOO_LARGE, http.getMessage());
                }
                throw http;
            }
        });
        return results == null ? List.of() : results.stream().map(result -> (Log) result.get()).toList();
    }

    private static DefaultBlockParameter param(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
