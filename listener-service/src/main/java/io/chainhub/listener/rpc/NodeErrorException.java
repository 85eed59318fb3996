package io.chainhub.listener.rpc;

/** The node answered the call with a JSON-RPC error (it is up; the request was refused). */
public class NodeErrorException extends RuntimeException {

    private final int code;

    public NodeErrorException(int code, String message) {
        super("JSON-RPC error " + code + ": " + message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
