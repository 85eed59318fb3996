package io.chainhub.listener.chain;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ChainCheckpointRepository extends Repository<ChainCheckpoint, Long> {

    Optional<ChainCheckpoint> findById(long chainId);
}
