package broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestHealthTest {

    @Test
    void pagesFailingMakeANodeUnready() {
        RequestHealth health = new RequestHealth();
        for (int i = 0; i < RequestHealth.MIN_FAILURES; i++) health.record("/2026/12/06/a-story", 500);
        assertThat(health.failing()).hasValue("5 of the last 5 requests failed");
    }

    @Test
    void theReadinessChecksOwn503sNeverKeepANodeUnready() {
        RequestHealth health = new RequestHealth();
        for (int i = 0; i < 20; i++) {
            health.record("/readyz", 503);
            health.record("/healthz", 503);
            health.record("/metrics", 503);
        }
        health.record("/", 200);
        assertThat(health.failing()).isEmpty();
    }

    @Test
    void aFewFailuresAmongManyAnswersAreNotASickNode() {
        RequestHealth health = new RequestHealth();
        for (int i = 0; i < 10; i++) health.record("/", 200);
        for (int i = 0; i < RequestHealth.MIN_FAILURES; i++) health.record("/broken", 500);
        assertThat(health.failing()).isEmpty();
    }
}
