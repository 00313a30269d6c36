package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.SketchSnapshot;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;
import dev.tapes.testkit.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The merge rules, through the aggregator's registry, with frames handed over directly. */
class RegistryAggregatorTest {

  private final ManualClock clock = new ManualClock();
  private final RegistryAggregator aggregator = RegistryAggregator.builder().clock(clock)
      .silenceTimeout(Duration.ofSeconds(10)).retireAfter(Duration.ofHours(1)).build();
  private final ClusterMetrics view = aggregator.registry();

  @Test
  void countsAndSumsAreExactSumsOverProcesses() {
    List<DistributedRegistry> proxies = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      DistributedRegistry proxy = proxy("web-" + p);
      Workloads.recordMixed(proxy, 100 + p);
      proxies.add(proxy);
      aggregator.accept(proxy.nextFrame(false));
    }

    long done = 0;
    long queued = 0;
    long requests = 0;
    long latencyCount = 0;
    long latencySum = 0;
    long sizesSum = 0;
    for (DistributedRegistry proxy : proxies) {
      done += proxy.counter("app.jobs.done").getCount();
      queued += proxy.counter("app.jobs.queued").getCount();
      requests += proxy.meter("app.requests").getCount();
      TimerSnapshot latency = Views.metric(proxy, "app.latency", TimerSnapshot.class);
      latencyCount += latency.count();
      latencySum += latency.sumNanos();
      sizesSum += Views.metric(proxy, "app.sizes", HistogramSnapshot.class).sum();
    }
    assertThat(Views.counter(view, "app.jobs.done")).isEqualTo(done);
    assertThat(Views.counter(view, "app.jobs.queued")).isEqualTo(queued);
    assertThat(Views.metric(view, "app.requests", MeterSnapshot.class).count())
        .isEqualTo(requests);
    TimerSnapshot latency = Views.metric(view, "app.latency", TimerSnapshot.class);
    assertThat(latency.count()).isEqualTo(latencyCount);
    assertThat(latency.sumNanos()).isEqualTo(latencySum);
    assertThat(Views.metric(view, "app.sizes", HistogramSnapshot.class).sum())
        .isEqualTo(sizesSum);
  }

  @Test
  void clusterQuantilesAreThoseOfEveryProcessesDataWithinTheSketchError() {
    long seed = 20261122;
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> all = new ArrayList<>();
    Snapshot expectedWindow = SketchSnapshot.empty();
    for (int p = 0; p < 3; p++) {
      DistributedRegistry proxy = proxy("worker-" + p);
      for (int i = 0; i < 20_000; i++) {
        // Three very different distributions: an average of percentiles would be far off.
        long value = switch (p) {
          case 0 -> random.nextLong(1_000, 2_000_000);
          case 1 -> Math.round(Math.exp(13 + 1.5 * gaussian(random)));
          default -> random.nextInt(10) == 0 ? random.nextLong(200_000_000, 400_000_000)
              : random.nextLong(50_000, 60_000);
        };
        proxy.timer("api.latency").update(value);
        all.add(value);
      }
      expectedWindow = expectedWindow.merge(proxy.timer("api.latency").getSnapshot());
      aggregator.accept(proxy.nextFrame(false));
    }

    Snapshot merged = Views.metric(view, "api.latency", TimerSnapshot.class).window();
    assertThat(merged).isEqualTo(expectedWindow);
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    for (double q : new double[] {0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999}) {
      double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
      assertThat(merged.getQuantile(q)).as("seed %d, q%s", seed, q)
          .isCloseTo(exact, within(exact * SketchSnapshot.RELATIVE_ERROR));
    }
    assertThat(merged.getMin()).isEqualTo(sorted[0]);
    assertThat(merged.getMax()).isEqualTo(sorted[sorted.length - 1]);
  }

  @Test
  void aRestartedProcessAddsToTotalsInsteadOfResettingThem() {
    DistributedRegistry first = proxy("web");
    first.counter("orders").increment(100);
    first.meter("hits").mark(40);
    aggregator.accept(first.nextFrame(false));
    // The process dies without a last message; its replacement starts from zero.
    DistributedRegistry second = proxy("web");
    second.counter("orders").increment(5);
    second.meter("hits").mark(2);
    aggregator.accept(second.nextFrame(false));

    assertThat(Views.counter(view, "orders")).isEqualTo(105);
    assertThat(Views.metric(view, "hits", MeterSnapshot.class).count()).isEqualTo(42);

    // Long after the first is presumed dead and folded away, its counts remain.
    for (int i = 0; i < 400; i++) {
      clock.advance(Duration.ofSeconds(10));
      aggregator.accept(second.nextFrame(false));
      aggregator.housekeep();
      assertThat(Views.counter(view, "orders")).isEqualTo(105);
    }
    assertThat(knownProcesses()).isEqualTo(1);
  }

  @Test
  void gaugesArePerProcessAndSummedAndASilentProcessLeavesThemButNotTheTotals() {
    DistributedRegistry a = proxy("a.example.com");
    DistributedRegistry b = proxy("b");
    a.gauge("queue.depth", () -> 3);
    b.gauge("queue.depth", () -> 4.5);
    a.counter("jobs").increment(10);
    b.counter("jobs").increment(20);
    aggregator.accept(a.nextFrame(false));
    aggregator.accept(b.nextFrame(false));

    assertThat(gauge("queue.depth")).isEqualTo(7.5);
    assertThat(gauge("tapes.process.a_example_com.queue.depth")).isEqualTo(3);
    assertThat(gauge("tapes.process.b.queue.depth")).isEqualTo(4.5);
    assertThat(view.getStats()).extractingByKey("tapes").asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("process");

    // b keeps flushing; a goes silent past the timeout.
    for (int i = 0; i < 11; i++) {
      clock.advance(Duration.ofSeconds(1));
      aggregator.accept(b.nextFrame(false));
    }
    assertThat(gauge("queue.depth")).isEqualTo(4.5);
    assertThat(Views.metric(view, "tapes.process.a_example_com.queue.depth")).isEmpty();
    assertThat(Views.counter(view, "jobs")).isEqualTo(30);
    assertThat(gauge(RegistryAggregator.PROCESSES_LIVE)).isEqualTo(1);

    // a comes back: live again.
    aggregator.accept(a.nextFrame(false));
    assertThat(gauge("queue.depth")).isEqualTo(7.5);
  }

  @Test
  void nanGaugesAreSkippedInTheSumButShownPerProcess() {
    DistributedRegistry a = proxy("a");
    DistributedRegistry b = proxy("b");
    a.gauge("g", () -> Double.NaN);
    b.gauge("g", () -> 2);
    aggregator.accept(a.nextFrame(false));
    aggregator.accept(b.nextFrame(false));

    assertThat(gauge("g")).isEqualTo(2);
    assertThat(gauge("tapes.process.a.g")).isNaN();
  }

  @Test
  void processesSharingANameAreToldApartByInstanceId() {
    DistributedRegistry a = proxy("worker");
    DistributedRegistry b = proxy("worker");
    a.gauge("g", () -> 1);
    b.gauge("g", () -> 2);
    aggregator.accept(a.nextFrame(false));
    aggregator.accept(b.nextFrame(false));

    assertThat(gauge("tapes.process.worker-" + a.getInstanceId() + ".g")).isEqualTo(1);
    assertThat(gauge("tapes.process.worker-" + b.getInstanceId() + ".g")).isEqualTo(2);
  }

  @Test
  void aClosedProcessLeavesGaugesAndRatesAtOnceAndWindowsAfterTheTimeout() {
    DistributedRegistry a = proxy("a");
    DistributedRegistry b = proxy("b");
    for (DistributedRegistry proxy : List.of(a, b)) {
      proxy.gauge("g", () -> 1);
      proxy.meter("m").mark(600);
      proxy.histogram("h").update(proxy == a ? 10 : 1_000);
    }
    clock.advance(Duration.ofSeconds(6));
    aggregator.accept(a.nextFrame(false));
    aggregator.accept(b.nextFrame(false));
    double bothRates = Views.metric(view, "m", MeterSnapshot.class).rates().oneMinuteRate();
    assertThat(bothRates).isEqualTo(2 * 120.0);

    aggregator.accept(a.nextFrame(true));

    assertThat(gauge("g")).isEqualTo(1);
    assertThat(Views.metric(view, "m", MeterSnapshot.class).rates().oneMinuteRate())
        .isEqualTo(120.0);
    assertThat(Views.metric(view, "m", MeterSnapshot.class).count()).isEqualTo(1200);
    assertThat(Views.metric(view, "h", HistogramSnapshot.class).window().getMin()).isEqualTo(10);

    clock.advance(Duration.ofSeconds(11));
    aggregator.accept(b.nextFrame(false));
    aggregator.housekeep();

    HistogramSnapshot h = Views.metric(view, "h", HistogramSnapshot.class);
    assertThat(h.window().getMin()).isEqualTo(1_000);
    assertThat(h.count()).isEqualTo(2);
    assertThat(h.sum()).isEqualTo(1_010);
    assertThat(Views.metric(view, "m", MeterSnapshot.class).count()).isEqualTo(1200);
    assertThat(knownProcesses()).isEqualTo(1);
  }

  @Test
  void ratesAreSumsOfLiveProcessesRates() {
    DistributedRegistry a = proxy("a");
    DistributedRegistry b = proxy("b");
    a.meter("m").mark(30);
    b.meter("m").mark(70);
    a.timer("t").update(5);
    clock.advance(Duration.ofSeconds(65));
    aggregator.accept(a.nextFrame(false));
    aggregator.accept(b.nextFrame(false));

    MeterSnapshot m = Views.metric(view, "m", MeterSnapshot.class);
    double expected = a.meter("m").getFiveMinuteRate() + b.meter("m").getFiveMinuteRate();
    assertThat(m.rates().fiveMinuteRate()).isCloseTo(expected, within(1e-12));
    assertThat(m.rates().oneMinuteRate()).isCloseTo(
        a.meter("m").getOneMinuteRate() + b.meter("m").getOneMinuteRate(), within(1e-12));
    assertThat(Views.metric(view, "t", TimerSnapshot.class).rates().oneMinuteRate())
        .isEqualTo(a.timer("t").getOneMinuteRate());
  }

  @Test
  void repeatedAndOvertakenMessagesChangeNothingAndAreCounted() {
    DistributedRegistry a = proxy("a");
    a.counter("c").increment(1);
    byte[] first = a.nextFrame(false);
    a.counter("c").increment(1);
    byte[] second = a.nextFrame(false);

    aggregator.accept(second);
    aggregator.accept(first);
    aggregator.accept(second);

    assertThat(Views.counter(view, "c")).isEqualTo(2);
    assertThat(Views.counter(view, RegistryAggregator.FRAMES_ACCEPTED)).isEqualTo(1);
    assertThat(Views.counter(view, RegistryAggregator.FRAMES_STALE)).isEqualTo(2);
  }

  @Test
  void aStragglerFromAFoldedProcessIsNotCountedTwice() {
    DistributedRegistry a = proxy("a");
    a.counter("c").increment(7);
    byte[] early = a.nextFrame(false);
    byte[] last = a.nextFrame(true);
    aggregator.accept(last);
    clock.advance(Duration.ofSeconds(11));
    aggregator.housekeep();
    assertThat(knownProcesses()).isZero();

    aggregator.accept(early);
    aggregator.accept(last);

    assertThat(Views.counter(view, "c")).isEqualTo(7);
    assertThat(Views.counter(view, RegistryAggregator.FRAMES_STALE)).isEqualTo(2);
  }

  @Test
  void namesThatClashAreRefusedAndCountedWithoutTouchingTheRest() {
    DistributedRegistry a = proxy("a");
    DistributedRegistry b = proxy("b");
    a.counter("x").increment(1);
    a.counter("a.b").increment(1);
    a.histogram("h").update(1);
    b.meter("x").mark(1);
    b.counter("a.b.c").increment(1);
    b.histogram("h", dev.tapes.Reservoir.exponentiallyDecaying()).update(1);
    b.counter("tapes.aggregator.frames.accepted").increment(1_000);
    b.counter("tapes.process.fake.g").increment(1);
    b.counter("ok").increment(3);

    aggregator.accept(a.nextFrame(false));
    aggregator.accept(b.nextFrame(false));

    assertThat(Views.counter(view, RegistryAggregator.METRICS_REFUSED)).isEqualTo(5);
    assertThat(Views.metric(view, "x")).containsInstanceOf(CounterSnapshot.class);
    assertThat(Views.metric(view, "a.b.c")).isEmpty();
    assertThat(Views.counter(view, "ok")).isEqualTo(3);
    assertThat(Views.counter(view, RegistryAggregator.FRAMES_ACCEPTED)).isEqualTo(2);
    assertThat(view.getStats()).containsKeys("a", "x", "h", "ok", "tapes");
  }

  @Test
  void badFramesAreCountedEachButLoggedAtMostOncePerMinute() {
    try (LogCapture log = LogCapture.of(RegistryAggregator.class)) {
      for (int i = 0; i < 10_000; i++) {
        aggregator.accept(new byte[] {(byte) i, 1, 2, 3, 4, 5});
      }
      assertThat(log.messages(java.util.logging.Level.WARNING)).hasSize(1);

      clock.advance(Duration.ofSeconds(61));
      aggregator.accept(new byte[0]);

      List<String> warnings = log.messages(java.util.logging.Level.WARNING);
      assertThat(warnings).hasSize(2);
      assertThat(warnings.get(1)).contains("9999 similar messages suppressed")
          .contains(RegistryAggregator.FRAMES_REJECTED);
      assertThat(Views.counter(view, RegistryAggregator.FRAMES_REJECTED)).isEqualTo(10_001);
    }
  }

  @Test
  void theViewServesSubtreesOfTheClusterAndOfTheAggregatorsOwnMetrics() {
    DistributedRegistry proxy = proxy("web-1");
    proxy.counter("app.c").increment(3);
    aggregator.accept(proxy.nextFrame(false));

    assertThat(view.snapshot("tapes.aggregator").metrics()).extracting(MetricSnapshot::name)
        .contains(RegistryAggregator.FRAMES_ACCEPTED).noneMatch(n -> n.startsWith("app"));
    assertThat(view.snapshot("app").metrics()).extracting(MetricSnapshot::name)
        .containsExactly("app.c");
    assertThat(view.snapshot("nothing").metrics()).isEmpty();
  }

  @Test
  void theViewNestsLikeAnyRegistry() {
    DistributedRegistry a = proxy("a");
    a.counter("my.http.endpoints.WidgetResource.hits").increment(2);
    aggregator.accept(a.nextFrame(false));

    assertThat(view.getStats()).isEqualTo(merge(Map.of("my", Map.of("http", Map.of(
        "endpoints", Map.of("WidgetResource", Map.of("hits", Map.of("value", 2L)))))),
        aggregatorStats()));
  }

  private Map<String, Object> aggregatorStats() {
    return Map.of("tapes", view.getStats().get("tapes"));
  }

  private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> merged = new java.util.HashMap<>(a);
    merged.putAll(b);
    return merged;
  }

  private DistributedRegistry proxy(String processName) {
    return DistributedRegistry.builder("tcp://127.0.0.1:1").clock(clock)
        .processName(processName).build();
  }

  private double gauge(String name) {
    return Views.metric(view, name, GaugeSnapshot.class).value();
  }

  private double knownProcesses() {
    return gauge(RegistryAggregator.PROCESSES_KNOWN);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  static long[] sorted(List<Long> values) {
    long[] array = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(array);
    return array;
  }
}
