package dev.tapes.benchmarks;

import dev.tapes.ManualClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How far each contender's p50, p99 and p999 are from the exact quantiles of the same seeded
 * data: the value at 0-based rank {@code floor(q * (n - 1))} of the sorted values.
 *
 * <p>Every value is recorded at once on one thread, so time windows play no part. Sampling
 * reservoirs (Dropwizard's, Tapes' decaying option) draw random numbers that are not seeded:
 * their errors change from run to run, which is the point being shown. Prometheus histograms
 * have no quantiles; their column is what {@code histogram_quantile} makes of their buckets
 * ({@link PromqlQuantile}).
 */
final class QuantileError {

  static final double[] QUANTILES = {0.5, 0.99, 0.999};
  static final int DEFAULT_SIZE = 100_000;

  /** A contender's signed relative errors, one per {@link #QUANTILES}, NaN if it has none. */
  record Row(Contender contender, double[] relativeErrors) {}

  private QuantileError() {}

  static List<Row> measure(Dataset dataset, int size, long seed) {
    long[] values = dataset.sample(seed, size);
    double[] exact = exactQuantiles(values);
    List<Row> rows = new ArrayList<>();
    for (Contender contender : Contender.values()) {
      Contender.Probe timer = contender.newHome(new ManualClock()).newTimer("quantiles");
      for (long value : values) {
        timer.record(value);
      }
      double[] errors = new double[QUANTILES.length];
      for (int i = 0; i < QUANTILES.length; i++) {
        errors[i] = (timer.quantileNanos(QUANTILES[i]) - exact[i]) / exact[i];
      }
      rows.add(new Row(contender, errors));
    }
    return rows;
  }

  /** The exact "lower" quantiles of {@code values}, one per {@link #QUANTILES}. */
  static double[] exactQuantiles(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] exact = new double[QUANTILES.length];
    for (int i = 0; i < QUANTILES.length; i++) {
      exact[i] = sorted[(int) Math.floor(QUANTILES[i] * (sorted.length - 1))];
    }
    return exact;
  }

  static String toMarkdown(int size, List<Row> lognormal, List<Row> bimodal) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Quantile error: (estimate - exact) / exact, %,d seeded values per data set%n%n",
        size));
    out.append("| timer | lognormal p50 | p99 | p999 | bimodal p50 | p99 | p999 |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (int r = 0; r < lognormal.size(); r++) {
      out.append("| ").append(lognormal.get(r).contender().label());
      for (List<Row> rows : List.of(lognormal, bimodal)) {
        for (double error : rows.get(r).relativeErrors()) {
          out.append(" | ").append(Double.isNaN(error) ? "n/a"
              : String.format(Locale.ROOT, "%+.2f %%", 100 * error));
        }
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  static String run(int size, long seed) {
    return toMarkdown(size, measure(Dataset.LOGNORMAL, size, seed),
        measure(Dataset.BIMODAL, size, seed));
  }

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SIZE;
    System.out.println(run(size, 2026));
  }
}
