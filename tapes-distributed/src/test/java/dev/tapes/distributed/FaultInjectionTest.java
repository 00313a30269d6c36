package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.HistogramSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.MeterSnapshot;
import dev.tapes.Registry;
import dev.tapes.SketchSnapshot;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lost, repeated and reordered messages, injected deterministically through the proxies'
 * {@link FrameFaults} seam: totals never exceed the truth, never go backwards, and are exact
 * as soon as one message per process gets through cleanly.
 */
class FaultInjectionTest {

  @Test
  void randomLossRepetitionAndReorderingLeaveTotalsExactOnceTrafficResumes() {
    for (long seed = 1; seed <= 20; seed++) {
      runScenario(seed);
    }
  }

  private static void runScenario(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ManualClock clock = new ManualClock();
    RegistryAggregator aggregator = RegistryAggregator.builder().clock(clock).build();
    ClusterMetrics view = aggregator.registry();
    List<DistributedRegistry> proxies = new ArrayList<>();
    List<ScriptedFaults> faults = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      proxies.add(DistributedRegistry.builder("tcp://127.0.0.1:1").clock(clock)
          .processName("p" + p).window(Duration.ofHours(1)).build());
      faults.add(new ScriptedFaults(seed * 100 + p, 0.3, 0.2, 0.3));
    }
    long counted = 0;
    long marked = 0;
    long lastSeen = 0;
    for (int round = 0; round < 150; round++) {
      for (int p = 0; p < proxies.size(); p++) {
        DistributedRegistry proxy = proxies.get(p);
        long n = random.nextLong(0, 50);
        proxy.counter("orders").increment(n);
        proxy.meter("hits").mark(n * 2);
        proxy.timer("latency").update(random.nextLong(1, 5_000_000_000L));
        counted += n;
        marked += 2 * n;
        for (byte[] frame : faults.get(p).onSend(proxy.nextFrame(false))) {
          aggregator.accept(frame);
        }
      }
      long seen = Views.counter(view, "orders");
      assertThat(seen).as("seed %d, round %d: never above the truth", seed, round)
          .isLessThanOrEqualTo(counted);
      assertThat(seen).as("seed %d, round %d: never backwards", seed, round)
          .isGreaterThanOrEqualTo(lastSeen);
      lastSeen = seen;
      clock.advance(Duration.ofMillis(700));
    }
    int injected = faults.stream().mapToInt(f -> f.dropped + f.repeated + f.reordered).sum();
    assertThat(injected).as("seed %d: the faults happened", seed).isGreaterThan(300);

    // Traffic resumes: one clean flush per process.
    faults.forEach(ScriptedFaults::disable);
    Snapshot expectedWindow = SketchSnapshot.empty();
    long timerSum = 0;
    for (DistributedRegistry proxy : proxies) {
      aggregator.accept(proxy.nextFrame(false));
      expectedWindow = expectedWindow.merge(proxy.timer("latency").getSnapshot());
      timerSum += Views.metric(proxy, "latency", TimerSnapshot.class).sumNanos();
    }

    assertThat(Views.counter(view, "orders")).as("seed %d", seed).isEqualTo(counted);
    assertThat(Views.metric(view, "hits", MeterSnapshot.class).count()).as("seed %d", seed)
        .isEqualTo(marked);
    TimerSnapshot latency = Views.metric(view, "latency", TimerSnapshot.class);
    assertThat(latency.count()).as("seed %d", seed).isEqualTo(150L * proxies.size());
    assertThat(latency.sumNanos()).as("seed %d", seed).isEqualTo(timerSum);
    assertThat(latency.window()).as("seed %d", seed).isEqualTo(expectedWindow);
  }

  @Test
  void aLostLastMessageIsHarmlessOnceTheProcessHasBeenHeardBefore() {
    ManualClock clock = new ManualClock();
    RegistryAggregator aggregator = RegistryAggregator.builder().clock(clock).build();
    DistributedRegistry proxy = DistributedRegistry.builder("tcp://127.0.0.1:1").clock(clock)
        .build();
    proxy.histogram("h").update(5);
    aggregator.accept(proxy.nextFrame(false));
    proxy.histogram("h").update(6);
    proxy.nextFrame(true); // lost

    // The aggregator keeps what it had: exact up to the last state that arrived.
    assertThat(Views.metric(aggregator.registry(), "h", HistogramSnapshot.class).count())
        .isEqualTo(1);
  }
}
