package dev.tapes;

import java.util.Arrays;
import java.util.Objects;

/**
 * The snapshot of a sampling reservoir: weighted sample values, as the seed and Dropwizard
 * report them. Quantiles are those of the sample, so their error depends on luck and on how
 * many samples fall in the tail; {@link #merge} is an approximation.
 */
public final class SampleSnapshot implements Snapshot {

  private static final SampleSnapshot EMPTY = new SampleSnapshot(new long[0], new double[0]);

  private final long[] values;
  /** Normalized weights, in value order; they sum to 1. */
  private final double[] weights;
  /** {@code below[i]}: the total weight of the samples before {@code i}. */
  private final double[] below;
  private final double mean;
  private final double stdDev;

  private SampleSnapshot(long[] sortedValues, double[] normalizedWeights) {
    this.values = sortedValues;
    this.weights = normalizedWeights;
    this.below = new double[values.length];
    double cumulative = 0;
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      below[i] = cumulative;
      cumulative += weights[i];
      sum += weights[i] * values[i];
    }
    double squares = 0;
    for (int i = 0; i < values.length; i++) {
      double deviation = values[i] - sum;
      squares += weights[i] * deviation * deviation;
    }
    this.mean = values.length == 0 ? Double.NaN : sum;
    this.stdDev = values.length == 0 ? Double.NaN : Math.sqrt(squares);
  }

  /**
   * A snapshot of samples with positive weights, in any order.
   *
   * @throws IllegalArgumentException if the arrays differ in length or a weight is not a
   *     positive finite number
   */
  public static SampleSnapshot of(long[] values, double[] weights) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(weights, "weights");
    if (values.length != weights.length) {
      throw new IllegalArgumentException(values.length + " values but " + weights.length
          + " weights");
    }
    double total = 0;
    for (double weight : weights) {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weights must be positive and finite: " + weight);
      }
      total += weight;
    }
    if (values.length == 0) {
      return EMPTY;
    }
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(values[a], values[b]));
    long[] sortedValues = new long[values.length];
    double[] normalized = new double[values.length];
    for (int i = 0; i < order.length; i++) {
      sortedValues[i] = values[order[i]];
      normalized[i] = weights[order[i]] / total;
    }
    return new SampleSnapshot(sortedValues, normalized);
  }

  @Override
  public double getQuantile(double quantile) {
    Snapshot.checkQuantile(quantile);
    if (values.length == 0) {
      return Double.NaN;
    }
    // The last sample whose preceding weight does not exceed the quantile.
    int position = Arrays.binarySearch(below, quantile);
    if (position < 0) {
      position = -position - 2;
    }
    return values[Math.max(0, Math.min(values.length - 1, position))];
  }

  @Override
  public double getMin() {
    return values.length == 0 ? Double.NaN : values[0];
  }

  @Override
  public double getMax() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }

  @Override
  public double getMean() {
    return mean;
  }

  @Override
  public double getStdDev() {
    return stdDev;
  }

  @Override
  public long size() {
    return values.length;
  }

  /**
   * Pools both samples, each keeping its share of weight in proportion to its sample count.
   * An approximation: a sample does not say how many values it stands for.
   */
  @Override
  public SampleSnapshot merge(Snapshot other) {
    Objects.requireNonNull(other, "other");
    if (!(other instanceof SampleSnapshot that)) {
      throw new IllegalArgumentException("cannot merge a sample snapshot with " + other
          .getClass().getSimpleName() + ": the histograms use different reservoirs");
    }
    long[] pooled = new long[values.length + that.values.length];
    double[] pooledWeights = new double[pooled.length];
    for (int i = 0; i < values.length; i++) {
      pooled[i] = values[i];
      pooledWeights[i] = weights[i] * values.length;
    }
    for (int i = 0; i < that.values.length; i++) {
      pooled[values.length + i] = that.values[i];
      pooledWeights[values.length + i] = that.weights[i] * that.values.length;
    }
    return of(pooled, pooledWeights);
  }

  /** The sample values, ascending; a copy. */
  public long[] values() {
    return values.clone();
  }

  /** The normalized weight of each of {@link #values()}; a copy. */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleSnapshot that
        && Arrays.equals(values, that.values)
        && Arrays.equals(weights, that.weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "SampleSnapshot[size=" + size() + ", min=" + getMin() + ", max=" + getMax() + "]";
  }
}
