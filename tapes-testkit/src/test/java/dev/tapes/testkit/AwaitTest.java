package dev.tapes.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returnsOnceTheConditionHolds() {
    AtomicInteger polls = new AtomicInteger();

    Await.until(() -> polls.incrementAndGet() == 3, Duration.ofSeconds(10));
  }

  @Test
  void failsAfterTheDeadlineSayingWhatItAwaitedAndTheLastError() {
    assertThatThrownBy(() -> Await.until(() -> {
      throw new IllegalStateException("not yet");
    }, Duration.ofMillis(50), () -> "the moon"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the moon")
        .hasRootCauseMessage("not yet");
  }

  @Test
  void checksNoMoreOftenThanThePollInterval() {
    AtomicInteger polls = new AtomicInteger();

    assertThatThrownBy(() -> Await.until(() -> polls.incrementAndGet() < 0,
        Duration.ofMillis(300), Duration.ofMillis(100), () -> "never"))
        .isInstanceOf(AssertionError.class);
    // A check at 0 ms, then at most one per 100 ms pause within the 300 ms.
    assertThat(polls.get()).isBetween(1, 4);
  }
}
