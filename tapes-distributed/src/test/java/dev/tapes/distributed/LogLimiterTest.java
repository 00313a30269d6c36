package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.testkit.LogCapture;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogLimiterTest {

  @Test
  void logsOncePerPeriodAndReportsWhatItHeldBack() {
    ManualClock clock = new ManualClock();
    try (LogCapture log = LogCapture.of("tapes.test.limiter")) {
      LogLimiter limiter = new LogLimiter(System.getLogger("tapes.test.limiter"), clock,
          Duration.ofSeconds(10));

      limiter.log(System.Logger.Level.WARNING, "first");
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofSeconds(1));
        limiter.log(System.Logger.Level.WARNING, "again");
      }
      clock.advance(Duration.ofSeconds(5));
      limiter.log(System.Logger.Level.WARNING, "later");
      limiter.log(System.Logger.Level.WARNING, "held");

      assertThat(log.messages(Level.WARNING)).containsExactly("first",
          "later (5 similar messages suppressed before this one)");
    }
  }
}
