package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's throughput tool runs end to end on a token configuration: real frames, a
 * real aggregator on a loopback socket, every frame accepted and exact cluster counts (the
 * tool fails otherwise).
 */
class AggregatorThroughputTest {

  @Test
  void measuresBothPathsAndTheMergedView() {
    AggregatorThroughput.Shape shape = new AggregatorThroughput.Shape(3, 20, 2);

    AggregatorThroughput.Result result = AggregatorThroughput.measure(shape, 1);

    assertThat(result.frameBytes()).isGreaterThan(20 * 100);
    assertThat(result.socketStatesPerSecond()).isPositive().isFinite();
    assertThat(result.directStatesPerSecond()).isPositive().isFinite();
    assertThat(result.viewMillis()).isPositive();
    assertThat(AggregatorThroughput.toMarkdown(List.of(result), 1))
        .contains("| 3 × 20 | ");
  }
}
