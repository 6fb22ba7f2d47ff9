package se.omsorgsnav.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * Keeps the benchmark's load client from rotting: a couple of seconds of both loops against the
 * running application. It asserts that the client works, never how fast anything is.
 */
@OmsorgsnavTest
class LoadClientSmokeTests {

    @LocalServerPort int port;

    @Test
    @DisplayName("Bench: the load client's closed and open loops run against the real server without errors")
    void loadClientRuns() throws Exception {
        LoadClient client = new LoadClient("http://localhost:" + port, DemoUsers.AUTHORISED, DemoUsers.PASSWORD,
                List.of(DemoUsers.ORDINARY_PIN, DemoUsers.PROTECTED_PIN, DemoUsers.LINKED_PIN));
        LoadClient.Result closed = client.closedLoop(2, Duration.ZERO, Duration.ofSeconds(2));
        assertThat(closed.requests()).isPositive();
        assertThat(closed.errors()).isZero();
        assertThat(closed.p99()).isPositive();

        LoadClient.Result open = client.openLoop(2, 10, Duration.ZERO, Duration.ofSeconds(1));
        assertThat(open.requests()).isBetween(5L, 15L);
        assertThat(open.errors()).isZero();
        assertThat(open.line()).startsWith("open@10/s");
    }
}
