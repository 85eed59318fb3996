-- Events published per block (as OBSERVED), kept for the reorg window so they can be confirmed or
-- reverted later without asking the node for an orphaned block.
CREATE TABLE published_block (
    chain_id     BIGINT      NOT NULL,
    block_hash   VARCHAR(66) NOT NULL,
    block_number BIGINT      NOT NULL,
    block_event  JSONB       NOT NULL,
    transfers    JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (chain_id, block_hash)
);
CREATE INDEX published_block_number ON published_block (chain_id, block_number);
