package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedSizeTest {

  private final long[] values = Dataset.LOGNORMAL.sample(7, RetainedSize.RECORDINGS);

  @Test
  void everyContenderIsMeasuredOnBothDataSets() {
    for (Dataset dataset : Dataset.values()) {
      List<RetainedSize.Row> rows = RetainedSize.measure(dataset);
      // Every contender, plus Tapes a second time with its recordings spread over the window.
      assertThat(rows).hasSize(Contender.values().length + 1);
      assertThat(rows).allSatisfy(row -> assertThat(row.bytes()).isPositive());
      assertThat(RetainedSize.toMarkdown(dataset, rows))
          .contains("| Tapes timer (default: sliding-window sketch), recordings spread over "
              + "the 60 s window | ");
    }
  }

  @Test
  void theMarginalCostIsTheSameForEveryFurtherTimer() {
    // Were anything shared counted as part of the measured timer, the second timer would
    // cost more than the third. Skip lists are random and registries grow their hash tables
    // in steps: allow 5 %.
    for (Contender contender : Contender.values()) {
      long second = RetainedSize.marginalBytes(contender, values, false, 1);
      assertThat(RetainedSize.marginalBytes(contender, values, false, 2))
          .as(contender.label())
          .isCloseTo(second, withinPercentage(5));
    }
  }

  @Test
  void recordingsSpreadOverTheWindowFillTheFrozenSlotsAndTheLifetime() {
    long liveSlot = RetainedSize.marginalBytes(Contender.TAPES, values, false);
    long spread = RetainedSize.marginalBytes(Contender.TAPES, values, true);
    // Spread, the recordings also sit in three frozen slots and the lifetime buckets, packed
    // at about two bytes a bucket: more than the live slot alone, far less than four of it.
    assertThat(spread).isGreaterThan(liveSlot).isLessThan(2 * liveSlot);
  }
}
