package dev.tapes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void unitsAndIsoFormAreAccepted() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse(" 15 S ")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("PT10S")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void anythingElseIsRefusedWithWhatIsAccepted() {
    for (String bad : new String[] {"10", "ten seconds", "10x", "s", "1.5s", "-5s", "PT", ""}) {
      assertThatThrownBy(() -> Durations.parse(bad), bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("'" + bad + "' is not a duration; write a whole number with a unit (500ms,"
              + " 10s, 1m, 2h) or ISO-8601 (PT10S)");
    }
  }

  @Test
  void zeroAndNegativeDurationsAreRefused() {
    assertThatThrownBy(() -> Durations.parse("0s")).hasMessage("'0s' is not a positive duration");
    assertThatThrownBy(() -> Durations.parse("PT-1S"))
        .hasMessage("'PT-1S' is not a positive duration");
  }
}
