package io.chainhub.listener.ingest;

import java.util.regex.Pattern;

import io.chainhub.listener.rpc.NodeErrorException;

/**
 * Recognises a node refusing an {@code eth_getLogs} call for its size, which providers word differently:
 * Infura/Alchemy {@code -32005 query returned more than 10000 results}, geth/erigon {@code block range
 * is too large} / {@code exceed maximum block range}, QuickNode {@code limit exceeded}, or an HTTP 413 /
 * response-size error.
 */
final class RangeLimit {

    static final int HTTP_PAYLOAD_TOO_LARGE = 413;
    private static final int LIMIT_EXCEEDED = -32005;
    private static final Pattern MESSAGE = Pattern.compile(
            "range|too many|more than|limit exceeded|exceeds? .*limit|too large|response size|result size|too big",
            Pattern.CASE_INSENSITIVE);

    private RangeLimit() {
    }

    static boolean refused(NodeErrorException error) {
        return error.code() == LIMIT_EXCEEDED || error.code() == HTTP_PAYLOAD_TOO_LARGE
                || MESSAGE.matcher(error.getMessage()).find();
    }
}
