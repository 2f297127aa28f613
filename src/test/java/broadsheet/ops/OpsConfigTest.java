package broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.db.StartupException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's settings read from the environment, and the clear error for each bad value. */
class OpsConfigTest {

    @Test
    void theShutdownDrainIsFiveSecondsForServeAndWholeSecondsWhenGiven() {
        assertThat(OpsConfig.fromEnv(Map.of()).drain()).isEqualTo(Duration.ofSeconds(5));
        assertThat(OpsConfig.fromEnv(Map.of("SHUTDOWN_DRAIN", "0")).drain()).isZero();
        assertThat(OpsConfig.fromEnv(Map.of("SHUTDOWN_DRAIN", "12")).drain()).isEqualTo(Duration.ofSeconds(12));
        assertThat(OpsConfig.defaults().drain())
                .as("apps made in code (tests) stop at once")
                .isZero();
        for (String bad : new String[] {"5s", "-1", "121", "soon"})
            assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("SHUTDOWN_DRAIN", bad)))
                    .as(bad)
                    .isInstanceOf(StartupException.class)
                    .hasMessage("SHUTDOWN_DRAIN must be a whole number of seconds from 0 to 120, not '" + bad + "'");
    }

    @Test
    void thePoolIsEightConnectionsUnlessDbPoolSaysHowMany() {
        assertThat(OpsConfig.fromEnv(Map.of()).dbPool()).isEqualTo(8);
        assertThat(OpsConfig.defaults().dbPool()).isEqualTo(8);
        assertThat(OpsConfig.fromEnv(Map.of("DB_POOL", "16")).dbPool()).isEqualTo(16);
        for (String bad : new String[] {"3", "65", "sixteen", "16.5"})
            assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("DB_POOL", bad)))
                    .as(bad)
                    .isInstanceOf(StartupException.class)
                    .hasMessage("DB_POOL must be a whole number of connections from 4 to 64, not '" + bad + "'");
    }
}
