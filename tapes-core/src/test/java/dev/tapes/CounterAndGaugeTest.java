package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CounterAndGaugeTest {

  private final Registry registry = new Registry(new ManualClock());

  @Test
  void aCounterGoesUpAndDown() {
    Counter counter = registry.counter("queue.depth");
    counter.increment();
    counter.increment(10);
    counter.decrement();
    counter.decrement(3);

    assertThat(counter.getCount()).isEqualTo(7);
    counter.decrement(9);
    assertThat(counter.getCount()).isEqualTo(-2);
  }

  @Test
  void aGaugeReadsItsProducerOnEveryRead() {
    AtomicInteger size = new AtomicInteger();
    Gauge<Integer> gauge = registry.gauge("queue.size", size::get);

    size.set(4);
    assertThat(gauge.getValue()).isEqualTo(4);
    size.set(9);
    assertThat(StatsTest.leaf(registry.getStats(), "queue", "size")).containsEntry("value", 9.0);
  }

  @Test
  void aFailingOrNullGaugeReportsNaNWithoutBreakingTheReport() {
    registry.gauge("broken", () -> {
      throw new IllegalStateException("pool closed");
    });
    registry.gauge("absent", () -> (Integer) null);
    registry.counter("fine").increment();

    List<MetricSnapshot> metrics = registry.snapshot().metrics();

    assertThat(metrics).containsExactly(
        new GaugeSnapshot("absent", Double.NaN),
        new GaugeSnapshot("broken", Double.NaN),
        new CounterSnapshot("fine", 1));
  }
}
