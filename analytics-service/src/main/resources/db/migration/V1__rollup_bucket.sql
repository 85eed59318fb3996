-- Transfer counts and volumes per chain, asset and time bucket, several bucket widths side by side
-- (e.g. 60 s and 3600 s). Volumes are base units: NUMERIC(78) holds any uint256.
CREATE TABLE rollup_bucket (
    chain_id       BIGINT         NOT NULL,
    -- token contract address (lowercase) or 'native' for the chain's own coin
    asset          VARCHAR(42)    NOT NULL,
    bucket_seconds INTEGER        NOT NULL CHECK (bucket_seconds > 0),
    bucket_start   TIMESTAMPTZ    NOT NULL,
    transfer_count BIGINT         NOT NULL DEFAULT 0 CHECK (transfer_count >= 0),
    volume         NUMERIC(78, 0) NOT NULL DEFAULT 0 CHECK (volume >= 0),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (chain_id, asset, bucket_seconds, bucket_start)
);
