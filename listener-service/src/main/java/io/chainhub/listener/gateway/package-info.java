/**
 * Chain gateway for custody withdrawals: consumes {@code custody-chain-commands}, signs each withdrawal
 * exactly once with the hot wallet ({@link io.chainhub.listener.gateway.Signer}), broadcasts and
 * rebroadcasts the same bytes, follows receipts and answers on {@code custody-chain-replies}
 * (BROADCAST, CONFIRMED, DROPPED, FAILED). Inert unless {@code chainhub.gateway.private-key} or
 * {@code chainhub.gateway.keystore-file} is set. Documented in saga-orchestrator/README.md.
 */
package io.chainhub.listener.gateway;
