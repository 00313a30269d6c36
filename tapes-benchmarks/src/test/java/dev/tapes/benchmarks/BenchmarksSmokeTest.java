package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Every JMH benchmark compiles and runs one 50 ms iteration, in this JVM, on 1 and 2 threads.
 * It measures nothing: figures come from {@code run.sh}, never from the build.
 */
class BenchmarksSmokeTest {

  private static final Class<?>[] BENCHMARKS = {
      TimerUpdateBenchmark.class, DisjointTimerUpdateBenchmark.class, TimedBlockBenchmark.class,
      HistogramUpdateBenchmark.class, MeterMarkBenchmark.class, CounterIncrementBenchmark.class,
      ClockBenchmark.class};

  @Test
  void everyBenchmarkRunsOnOneAndOnTwoThreadsAndTheReportShowsIt() throws Exception {
    TreeSet<String> expected = new TreeSet<>();
    for (Class<?> type : BENCHMARKS) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Benchmark.class)) {
          expected.add(type.getName() + "." + method.getName());
        }
      }
    }
    Map<String, RunAll.Score> one = scores(RunAll.jmh(RunAll.Preset.SMOKE, RunAll.ALL, 1));
    Map<String, RunAll.Score> two = scores(RunAll.jmh(RunAll.Preset.SMOKE, RunAll.ALL, 2));

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
        .contains("| TimerUpdateBenchmark.tapes | ");
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

  private static Map<String, RunAll.Score> scores(Map<String, double[]> iterations) {
    Map<String, RunAll.Score> scores = new java.util.TreeMap<>();
    iterations.forEach((name, values) -> scores.put(name, RunAll.Score.of(values)));
    return scores;
  }
}
