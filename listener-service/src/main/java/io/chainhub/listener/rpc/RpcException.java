package io.chainhub.listener.rpc;

/** A JSON-RPC call failed on every endpoint of a chain, or the node answered with an error. */
public class RpcException extends RuntimeException {

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }

    public RpcException(String message) {
        super(message);
    }
}
