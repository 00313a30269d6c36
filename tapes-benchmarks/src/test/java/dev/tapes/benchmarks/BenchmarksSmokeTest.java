package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Every JMH benchmark compiles and runs one 50 ms iteration, in this JVM: the hot paths on 1 and
 * 2 threads, the scrapes on 1. It measures nothing: figures come from {@code run.sh}, never
 * from the build.
 */
class BenchmarksSmokeTest {

  static {
    // JMH refuses to start while another JMH holds /tmp/jmh.lock (a benchmark run of another
    // checkout on this machine): these 50 ms runs measure nothing and may share the machine.
    System.setProperty("jmh.ignoreLock", "true");
  }

  private static final Class<?>[] BENCHMARKS = {
      TimerUpdateBenchmark.class, DisjointTimerUpdateBenchmark.class, TimedBlockBenchmark.class,
      HistogramUpdateBenchmark.class, MeterMarkBenchmark.class, CounterIncrementBenchmark.class,
      ClockBenchmark.class, DistributedTimerUpdateBenchmark.class};

  @Test
  void everyBenchmarkRunsOnOneAndOnTwoThreadsAndTheReportShowsIt() throws Exception {
    TreeSet<String> expected = new TreeSet<>();
    for (Class<?> type : BENCHMARKS) {
      expected.addAll(benchmarks(type));
    }
    Map<String, RunAll.Score> one = scores(RunAll.hotPaths(RunAll.Preset.SMOKE, RunAll.ALL, 1));
    Map<String, RunAll.Score> two = scores(RunAll.hotPaths(RunAll.Preset.SMOKE, RunAll.ALL, 2));

    for (Map<String, RunAll.Score> scores : java.util.List.of(one, two)) {
      assertThat(scores.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(scores.values()).allSatisfy(score -> {
        assertThat(score.nanos()).isPositive().isFinite();
        assertThat(score.median()).isPositive().isBetween(score.min(), score.max());
      });
    }
    String table = JmhTable.toMarkdown(new java.util.TreeMap<>(Map.of(1, one, 2, two)));
    assertThat(table)
        .contains("| Prometheus classic histogram | ")
        .contains("| HdrHistogram Recorder (floor) | ")
        .contains("| System.nanoTime() | ")
        .contains("| timer update ≤ Prometheus classic histogram observe | 2 | ")
        .contains("| timer update ≤ 1/8 of Dropwizard timer | 1 | ")
        .contains("| Tapes, DistributedRegistry shipping to an aggregator | ")
        .contains("| DistributedRegistry timer update ≤ 1.05 × plain Registry's | 2 | ")
        .contains("| TimerUpdateBenchmark.tapes | ");
  }

  @Test
  void everyScrapeRunsOnOneThreadAndTheReportShowsIt() throws Exception {
    Map<String, RunAll.Score> scrapes = scores(RunAll.scrapes(RunAll.Preset.SMOKE, RunAll.ALL));

    assertThat(scrapes.keySet())
        .containsExactlyInAnyOrderElementsOf(benchmarks(ScrapeBenchmark.class));
    assertThat(scrapes.values()).allSatisfy(score -> assertThat(score.median()).isPositive());
    assertThat(ScrapeTable.toMarkdown(scrapes, Map.of("tapesJson", 323_513L)))
        .contains("| Tapes, JsonFormat (snapshot included) | ")
        .contains(" | 323,513 | ")
        .contains("| Prometheus client_java, classic histograms, text | ")
        .contains("| Dropwizard metrics-json (as MetricsServlet) | ")
        .contains("| JSON (JsonFormat) ≤ client_java classic text | ");
  }

  @Test
  void aSubsetWithoutScrapesRunsNoScrape() throws Exception {
    assertThat(RunAll.scrapes(RunAll.Preset.SMOKE, "ClockBenchmark")).isEmpty();
  }

  @Test
  void scoresRankByTheMedianIteration() {
    RunAll.Score odd = RunAll.Score.of(new double[] {30, 10, 12, 12, 11});
    assertThat(odd.median()).isEqualTo(12);
    assertThat(odd.min()).isEqualTo(10);
    assertThat(odd.max()).isEqualTo(30);
    assertThat(odd.nanos()).isEqualTo(15);
    assertThat(odd.error()).isPositive();
  }

  private static TreeSet<String> benchmarks(Class<?> type) {
    TreeSet<String> names = new TreeSet<>();
    for (Method method : type.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Benchmark.class)) {
        names.add(type.getName() + "." + method.getName());
      }
    }
    return names;
  }

  private static Map<String, RunAll.Score> scores(Map<String, double[]> iterations) {
    Map<String, RunAll.Score> scores = new java.util.TreeMap<>();
    iterations.forEach((name, values) -> scores.put(name, RunAll.Score.of(values)));
    return scores;
  }
}
