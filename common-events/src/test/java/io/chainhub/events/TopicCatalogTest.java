package io.chainhub.events;

import io.chainhub.events.topics.TopicSpec;
import io.chainhub.events.topics.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicCatalogTest {

    @Test
    void shouldContainTheTopicsFixedBySpecWithTheirKeys() {
        assertThat(Topics.byName("token-transfers")).map(TopicSpec::key).contains("chainId:txHash");
        assertThat(Topics.byName("chain-blocks")).map(TopicSpec::key).contains("chainId");
        assertThat(Topics.byName("fraud-alerts")).map(TopicSpec::owner).contains("fraud-service");
        assertThat(Topics.byName("custody-events")).map(TopicSpec::owner).contains("saga-orchestrator");
    }

    @Test
    void shouldHaveUniqueNamesAndOneDeadLetterTopicPerMainTopic() {
        assertThat(Topics.all()).extracting(TopicSpec::name).doesNotHaveDuplicates();
        assertThat(Topics.all()).hasSize(Topics.main().size() * 2);
        assertThat(Topics.byName("token-transfers.dlt")).isPresent();
    }

    @Test
    void shouldTranslateRetentionIntoTopicConfig() {
        TopicSpec transfers = Topics.byName("token-transfers").orElseThrow();

        assertThat(transfers.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(30L * 24 * 3600 * 1000));
    }
}
