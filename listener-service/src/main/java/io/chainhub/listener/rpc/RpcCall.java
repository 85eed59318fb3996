package io.chainhub.listener.rpc;

import org.web3j.protocol.Web3j;

/** One JSON-RPC interaction against a node, retried and failed over by {@link ChainRpc}. */
@FunctionalInterface
public interface RpcCall<T> {

    T on(Web3j node) throws Exception;
}
