package dev.tapes.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs every benchmark of this module in one go and prints one Markdown report: the hot-path
 * JMH benchmarks on 1 and then 2 threads sharing each metric, the scrape benchmark on 1 thread,
 * {@link RetainedSize}, {@link QuantileError}, {@link AggregatorThroughput} and, given the
 * results of the {@code jaxrs.sh} stage, {@link JaxrsReport}. This is what {@code
 * tapes-benchmarks/run.sh} calls.
 *
 * <pre>
 * java -cp tapes-benchmarks/target/benchmarks.jar dev.tapes.benchmarks.RunAll \
 *     [--preset smoke|short|full] [--include REGEX] [--threads 1,2] [--rounds N]
 *     [--jaxrs RESULTS_FILE] [--report FILE]
 * </pre>
 *
 * <p>{@code --include} is a JMH regular expression over benchmark names; a report of a subset
 * skips the memory, quantile and aggregator sections unless the expression matches everything.
 * {@code --threads} applies to the hot paths; a scrape is always measured on one thread.
 */
public final class RunAll {

  /** Every JMH benchmark of this module. */
  static final String ALL = "dev\\.tapes\\.benchmarks\\..*Benchmark";
  /** The scrape benchmarks: run on one thread only, apart from the hot paths. */
  static final String SCRAPES = "dev\\.tapes\\.benchmarks\\.ScrapeBenchmark\\.";
  /** Everything but the scrape benchmarks. */
  static final String NOT_SCRAPES = "dev\\.tapes\\.benchmarks\\.(?!ScrapeBenchmark\\.)";

  /** How long each JMH benchmark runs, and how much data the quantile tool records. */
  enum Preset {
    /** One 50 ms iteration in this JVM: proves the benchmarks run, measures nothing. */
    SMOKE(1, 0, 0, 1, 50, 10_000, 1),
    /** About 3 s per benchmark and thread count: all of it in a few minutes. */
    SHORT(1, 1, 1, 3, 500, 100_000, 3),
    /**
     * Three interleaved rounds of about 6 s per benchmark and thread count, some 25 minutes in
     * all: the figures of docs/BENCHMARKS.md.
     */
    FULL(3, 1, 2, 3, 1_000, 100_000, 7);

    final int rounds;
    final int forks;
    final int warmupIterations;
    final int iterations;
    final int iterationMillis;
    final int quantileSamples;
    final int aggregatorRepetitions;

    Preset(int rounds, int forks, int warmupIterations, int iterations, int iterationMillis,
        int quantileSamples, int aggregatorRepetitions) {
      this.rounds = rounds;
      this.forks = forks;
      this.warmupIterations = warmupIterations;
      this.iterations = iterations;
      this.iterationMillis = iterationMillis;
      this.quantileSamples = quantileSamples;
      this.aggregatorRepetitions = aggregatorRepetitions;
    }

    /**
     * The aggregator's configurations: as many metric states per round either way, from a few
     * large proxies or many small ones (a token one for the smoke run).
     */
    List<AggregatorThroughput.Shape> aggregatorShapes() {
      return this == SMOKE ? List.of(new AggregatorThroughput.Shape(2, 10, 2))
          : List.of(new AggregatorThroughput.Shape(10, 1_000, 4),
              new AggregatorThroughput.Shape(100, 100, 4));
    }
  }

  /**
   * One benchmark's figures, in average ns per operation per thread, from all its measurement
   * iterations: their mean with JMH's 99.9 % error (as JMH computes it), and their median,
   * lowest and highest. The report ranks by the median: on shared cores a neighbour's burst
   * ruins a few iterations, which drags the mean and widens the error, and leaves the median
   * alone.
   */
  record Score(double nanos, double error, double median, double min, double max) {

    static Score of(double[] iterations) {
      ListStatistics statistics = new ListStatistics(iterations);
      return new Score(statistics.getMean(), statistics.getMeanErrorAt(0.999),
          statistics.getPercentile(50), statistics.getMin(), statistics.getMax());
    }
  }

  private RunAll() {}

  public static void main(String[] args) throws RunnerException {
    Preset preset = Preset.SHORT;
    String include = ALL;
    int[] threads = {1, 2};
    Integer rounds = null;
    Path jaxrs = null;
    Path report = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--preset" -> preset = Preset.valueOf(value.toUpperCase(Locale.ROOT));
        case "--include" -> include = value;
        case "--threads" -> threads = Arrays.stream(value.split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--jaxrs" -> jaxrs = Path.of(value);
        case "--report" -> report = Path.of(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --preset smoke|short|full, --include REGEX, --threads 1,2, "
            + "--rounds N, --jaxrs RESULTS_FILE, --report FILE");
      }
      i++;
    }
    String markdown = run(preset, include, threads, rounds == null ? preset.rounds : rounds);
    if (jaxrs != null) {
      markdown = markdown + '\n' + JaxrsReport.toMarkdown(jaxrs);
    }
    System.out.println();
    System.out.println(markdown);
    if (report != null) {
      try {
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report to " + report, e);
      }
    }
  }

  /**
   * Runs everything {@code include} selects and returns the report. With several rounds, the
   * JMH runs alternate (round 1 on 1 then 2 threads, round 2 ...) and each benchmark's figures
   * pool the iterations of every round, so that a burst of load on the machine spoils a few
   * iterations of many benchmarks rather than all iterations of a few.
   */
  static String run(Preset preset, String include, int[] threads, int rounds)
      throws RunnerException {
    Map<Integer, Map<String, List<Double>>> iterations = new TreeMap<>();
    Map<String, List<Double>> scrapeIterations = new TreeMap<>();
    for (int round = 0; round < rounds; round++) {
      for (int count : threads) {
        pool(hotPaths(preset, include, count),
            iterations.computeIfAbsent(count, c -> new TreeMap<>()));
      }
      pool(scrapes(preset, include), scrapeIterations);
    }
    Map<Integer, Map<String, Score>> scores = new TreeMap<>();
    iterations.forEach((count, byName) -> scores.put(count, score(byName)));
    Map<String, Score> scrapeScores = score(scrapeIterations);
    StringBuilder out = new StringBuilder();
    out.append(header(preset, rounds)).append('\n');
    out.append(JmhTable.toMarkdown(scores)).append('\n');
    if (!scrapeScores.isEmpty()) {
      out.append(ScrapeTable.toMarkdown(scrapeScores, ScrapeTable.bytesPerScrape()))
          .append('\n');
    }
    if (include.equals(ALL)) {
      for (Dataset dataset : Dataset.values()) {
        out.append(RetainedSize.toMarkdown(dataset, RetainedSize.measure(dataset)))
            .append('\n');
      }
      out.append(QuantileError.run(preset.quantileSamples, 2026)).append('\n');
      out.append(AggregatorThroughput.run(preset.aggregatorShapes(),
          preset.aggregatorRepetitions));
    }
    return out.toString();
  }

  private static void pool(Map<String, double[]> results, Map<String, List<Double>> pooled) {
    results.forEach((name, values) -> {
      List<Double> all = pooled.computeIfAbsent(name, n -> new ArrayList<>());
      for (double value : values) {
        all.add(value);
      }
    });
  }

  private static Map<String, Score> score(Map<String, List<Double>> iterations) {
    Map<String, Score> scored = new TreeMap<>();
    iterations.forEach((name, values) -> scored.put(name,
        Score.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
    return scored;
  }

  /**
   * The hot-path benchmarks {@code include} selects (all but the scrapes) on {@code threads}
   * threads: each one's measurement iterations, in ns per operation per thread.
   */
  static Map<String, double[]> hotPaths(Preset preset, String include, int threads)
      throws RunnerException {
    return jmh(preset, include, SCRAPES, threads);
  }

  /** The scrape benchmarks {@code include} selects, on one thread, in ms per scrape. */
  static Map<String, double[]> scrapes(Preset preset, String include) throws RunnerException {
    return jmh(preset, include, NOT_SCRAPES, 1);
  }

  /**
   * Runs the JMH benchmarks {@code include} selects and {@code exclude} does not, on {@code
   * threads} threads, and returns each one's measurement iterations in its own unit; none if
   * nothing is selected.
   */
  static Map<String, double[]> jmh(Preset preset, String include, String exclude, int threads)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .exclude(exclude)
        .threads(threads)
        .forks(preset.forks)
        .warmupIterations(preset.warmupIterations)
        .warmupTime(TimeValue.milliseconds(preset.iterationMillis))
        .measurementIterations(preset.iterations)
        .measurementTime(TimeValue.milliseconds(preset.iterationMillis))
        .shouldFailOnError(true);
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } catch (NoBenchmarksException e) {
      return Map.of();
    }
    Map<String, double[]> iterations = new TreeMap<>();
    for (RunResult result : results) {
      iterations.put(result.getParams().getBenchmark(), result.getBenchmarkResults().stream()
          .flatMap(benchmark -> benchmark.getIterationResults().stream())
          .mapToDouble(iteration -> iteration.getPrimaryResult().getScore())
          .toArray());
    }
    return iterations;
  }

  private static String header(Preset preset, int rounds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Run of %s, preset %s: %d round%s of %d fork, %d "
            + "warmup + %d measurement iterations of %d ms per benchmark and thread count%n%n",
        LocalDate.now(), preset.name().toLowerCase(Locale.ROOT), rounds, rounds == 1 ? "" : "s",
        preset.forks, preset.warmupIterations, preset.iterations, preset.iterationMillis));
    out.append(String.format(Locale.ROOT, "- machine: %d processors, %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel()));
    out.append(String.format(Locale.ROOT, "- JDK: %s %s (%s)%n",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor")));
    List<String> versions = new ArrayList<>();
    versions().forEach((name, version) -> versions.add(name + " " + version));
    out.append("- libraries: ").append(String.join(", ", versions)).append('\n');
    return out.toString();
  }

  private static Map<Object, Object> versions() {
    Properties versions = new Properties();
    try (InputStream in = RunAll.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        versions.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read versions.properties", e);
    }
    return new TreeMap<>(versions);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
      return System.getProperty("os.arch") + " (no model name in /proc/cpuinfo)";
    } catch (IOException | UncheckedIOException e) {
      return System.getProperty("os.arch") + " (model unknown: " + e + ")";
    }
  }
}
