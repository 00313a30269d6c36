package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantileErrorTest {

  @Test
  void exactQuantilesUseTheLowerRank() {
    long[] values = new long[1000];
    for (int i = 0; i < values.length; i++) {
      values[values.length - 1 - i] = i + 1;
    }
    // Ranks floor(q * 999): 499, 989, 998 of 1..1000.
    assertThat(QuantileError.exactQuantiles(values)).containsExactly(500, 990, 999);
  }

  @Test
  void sketchesWithAGuaranteeStayWithinIt() {
    // Not a claim about speed: if the harness mixed units or ranks, these would blow up.
    Map<Contender, Double> bounds = Map.of(
        Contender.TAPES, 1.0 / 128,
        Contender.HDR_HISTOGRAM, 1.0 / 128,
        Contender.DD_SKETCH, 0.01);
    for (Dataset dataset : Dataset.values()) {
      List<QuantileError.Row> rows = QuantileError.measure(dataset, 20_000, 99);
      assertThat(rows).hasSize(Contender.values().length);
      for (QuantileError.Row row : rows) {
        Double bound = bounds.get(row.contender());
        if (bound != null) {
          for (double error : row.relativeErrors()) {
            assertThat(error).as(row.contender() + " on " + dataset).isCloseTo(0, within(bound));
          }
        }
      }
    }
  }

  @Test
  void timersWithoutQuantilesAreShownAsSuch() {
    List<QuantileError.Row> rows = QuantileError.measure(Dataset.LOGNORMAL, 1_000, 1);
    String table = QuantileError.toMarkdown(1_000, rows, rows);
    assertThat(table).contains("| Micrometer timer (SimpleMeterRegistry) | n/a | n/a | n/a |");
  }
}
