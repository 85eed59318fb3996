package io.chainhub.listener.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.transfer.TransferEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Remembers each published block's events by block hash, so they can be re-emitted as CONFIRMED or
 * REVERTED later even when the node no longer serves an orphaned block. Rows are a deterministic
 * function of the block, so writing them before the Kafka commit is safe: a crash in between only
 * leads to the same row being written again.
 */
@Repository
public class PublishedBlocks {

    private final JdbcTemplate jdbc;

    PublishedBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One JDBC batch for all blocks of a follower step. */
    public void saveAll(List<PublishedBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO published_block (chain_id, block_hash, block_number, block_event, transfers)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (chain_id, block_hash) DO UPDATE
                   SET block_event = EXCLUDED.block_event, transfers = EXCLUDED.transfers""",
                blocks.stream().map(published -> new Object[] {
                        published.block().chainId(), published.block().blockHash(), published.block().blockNumber(),
                        EventJson.mapper().writeValueAsString(published.block()),
                        EventJson.mapper().writeValueAsString(published.transfers())}).toList());
    }

    public Optional<PublishedBlock> find(long chainId, String blockHash) {
        return jdbc.query("SELECT block_event, transfers FROM published_block WHERE chain_id = ? AND block_hash = ?",
                (rs, row) -> new PublishedBlock(
                        EventJson.mapper().readValue(rs.getString(1), BlockEvent.class),
                        Arrays.asList(EventJson.mapper().readValue(rs.getString(2), TransferEvent[].class))),
                chainId, blockHash).stream().findFirst();
    }

    /** Drops blocks that fell out of the reorg window: they can no longer be confirmed or reverted. */
    public int pruneBelow(long chainId, long blockNumber) {
        return jdbc.update("DELETE FROM published_block WHERE chain_id = ? AND block_number < ?", chainId, blockNumber);
    }
}
