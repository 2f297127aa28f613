package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serve --demo} turns /dev/mail on so a newcomer can read the confirmation mail, but not on a public address. */
class DemoDevMailTest {

    @Test
    void theDemoTurnsItOnForThisMachine() {
        assertThat(DemoContent.withDevMail(Config.fromEnv(Map.of())).devMail()).isTrue();
        assertThat(DemoContent.withDevMail(Config.fromEnv(Map.of()).withBaseUrl("http://[::1]:8080"))
                        .devMail())
                .isTrue();
    }

    @Test
    void theDemoLeavesItOffWithAPublicBaseUrl() {
        Config pub = Config.fromEnv(Map.of()).withBaseUrl("https://news.example");
        assertThat(DemoContent.withDevMail(pub).devMail()).isFalse();
        assertThat(DemoContent.withDevMail(pub).devMailProblem()).isEmpty();
    }
}
