package dev.tapes.sketch;

import java.math.BigInteger;

/**
 * The bucket layout of the default sketch: exactly the buckets of a Prometheus native histogram
 * of schema 6 and of an OpenTelemetry exponential histogram of scale 6. Bucket {@code i} holds
 * the values in {@code (γ^(i-1), γ^i]} of the <em>exported</em> unit, {@code γ = 2^(1/64)}
 * (upper bound included, as Prometheus has it; OTLP's index is {@code i - 1}); zero has a
 * bucket of its own and negative values mirror the positive ones.
 *
 * <p>Values are recorded as longs in a unit that may differ from the exported one: a timer
 * records nanoseconds and exports seconds. A layout therefore knows how many recorded units make
 * one exported unit ({@link #unitsPerExportedUnit()}: 1, or 10^9 for timers), and places each
 * value in the bucket its exported value belongs to, so that a Prometheus server or an OTLP
 * backend merges our buckets with anyone's, exactly.
 *
 * <p><b>Accuracy.</b> A bucket spans a factor γ, so the value reported for it (the harmonic
 * mean of its bounds, {@code 2·γ^i/(γ+1)}) is within {@code (γ−1)/(γ+1)} = 0.5415 % of every
 * value in it: the relative-error guarantee of every quantile.
 *
 * <p><b>Speed.</b> The hot path cannot afford a logarithm. Write a value {@code v = 2^e · m}
 * with {@code m} in {@code [1, 2)}: the bucket is {@code 64e − d + s(m)}, where {@code d} is
 * the integer part of {@code 64·log2(unitsPerExportedUnit)} and {@code s(m)} counts the
 * octave's 64 boundaries (the same mantissas {@code B_k} in every octave) below {@code m}. The
 * mantissa's top 8 bits pick one of 256 cells; a cell is narrower than the gap between two
 * boundaries, so it holds at most one, and {@code s} is the cell's count plus one comparison
 * with that boundary. The boundaries are computed once, exactly, as integer 64th roots, so a
 * value on a boundary (a power of two, or one second in nanoseconds) lands in the bucket the
 * upper-inclusive rule gives, never one off.
 *
 * <p>Internally buckets are numbered from 0 ({@link #local}): local index {@code j = i + d} runs
 * from 0 (the value 1) to {@value #LOCAL_INDEXES} − 1 (the largest long). A <em>position</em>
 * ({@link #position}) names any value's bucket in one signed int, which is what the sketch's
 * pages are addressed by: 0 for zero, {@code j + 1} for a positive value, {@code −(j + 1)} for
 * a negative one.
 */
public final class ExponentialLayout {

  /** The schema (Prometheus) and scale (OTLP) of these buckets. */
  public static final int SCHEMA = 6;
  /** Buckets per power of two: 2^SCHEMA. */
  public static final int PER_OCTAVE = 1 << SCHEMA;
  /** The ratio between a bucket's bounds: 2^(1/64). */
  public static final double BASE = Math.pow(2, 1.0 / PER_OCTAVE);
  /** The worst relative error of a bucket's reported value against any value in it. */
  public static final double RELATIVE_ERROR = (BASE - 1) / (BASE + 1);
  /** Local indexes: 63 octaves of 64 buckets (values 1 to 2^63 − 1), plus the value 1's. */
  public static final int LOCAL_INDEXES = 63 * PER_OCTAVE + 1;

  /** Values recorded in the exported unit: histograms. */
  public static final ExponentialLayout UNIT = new ExponentialLayout(1);
  /** Values recorded in nanoseconds and exported in seconds: timers. */
  public static final ExponentialLayout NANOS_AS_SECONDS = new ExponentialLayout(1_000_000_000);

  private static final int CELL_BITS = 8;
  private static final int CELLS = 1 << CELL_BITS;
  /** The mantissa bits below the cell's: a normalized value's 63 fraction bits minus 8. */
  private static final int CELL_SHIFT = 63 - CELL_BITS;

  private final long unitsPerExportedUnit;
  /** {@code floor(64·log2(unitsPerExportedUnit))}: local index minus exported index. */
  private final int offset;
  /** Per cell: how many of the octave's boundaries lie below the cell. */
  private final int[] below = new int[CELLS];
  /**
   * Per cell: the boundary inside it as a normalized mantissa ({@code m · 2^63}, unsigned) with
   * its sign bit flipped, so that a signed comparison orders them; {@link Long#MAX_VALUE}, above
   * every value, where the cell holds none.
   */
  private final long[] boundary = new long[CELLS];
  /** The value reported for each local index, in recorded units. */
  private final double[] representatives = new double[LOCAL_INDEXES];

  private ExponentialLayout(long unitsPerExportedUnit) {
    this.unitsPerExportedUnit = unitsPerExportedUnit;
    BigInteger unitPower = BigInteger.valueOf(unitsPerExportedUnit).pow(PER_OCTAVE);
    this.offset = unitPower.bitLength() - 1;
    long[] mantissas = boundaryMantissas(unitPower, offset);
    for (int cell = 0; cell < CELLS; cell++) {
      long low = Long.MIN_VALUE + ((long) cell << CELL_SHIFT); // m = 1 + cell/256, unsigned
      long high = low + (1L << CELL_SHIFT); // wraps to 0 for the last cell: unsigned 2^64
      boundary[cell] = Long.MAX_VALUE;
      for (long b : mantissas) {
        if (Long.compareUnsigned(b, low) < 0) {
          below[cell]++;
        } else if (cell == CELLS - 1 || Long.compareUnsigned(b, high) < 0) {
          boundary[cell] = b ^ Long.MIN_VALUE;
        }
      }
    }
    for (int j = 0; j < LOCAL_INDEXES; j++) {
      representatives[j] = 2 * upperBound(exported(j)) / (BASE + 1);
    }
  }

  /**
   * The 64 boundary mantissas {@code floor(2^63 · B_k)}, unsigned, {@code B_k = u ·
   * 2^((k − d)/64)} in {@code [1, 2)}, each the exact integer 64th root of {@code u^64 ·
   * 2^(63·64 + k − d)}.
   */
  private static long[] boundaryMantissas(BigInteger unitPower, int offset) {
    long[] mantissas = new long[PER_OCTAVE];
    for (int k = 0; k < PER_OCTAVE; k++) {
      BigInteger power = unitPower.shiftLeft(63 * PER_OCTAVE + k - offset);
      mantissas[k] = rootOf(power).longValue(); // as unsigned: the root is in [2^63, 2^64)
    }
    return mantissas;
  }

  /** {@code floor(n^(1/64))}, known to lie in {@code [2^63, 2^64)}, by bisection. */
  private static BigInteger rootOf(BigInteger n) {
    BigInteger low = BigInteger.ONE.shiftLeft(63);
    BigInteger high = BigInteger.ONE.shiftLeft(64);
    while (high.subtract(low).compareTo(BigInteger.ONE) > 0) {
      BigInteger middle = low.add(high).shiftRight(1);
      if (middle.pow(PER_OCTAVE).compareTo(n) <= 0) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * The local index of a value of at least 1: integer arithmetic, two table reads and one
   * comparison, no branch the data can make unpredictable.
   */
  public int local(long positive) {
    int shift = Long.numberOfLeadingZeros(positive);
    long normalized = positive << shift;
    int cell = (int) (normalized >>> CELL_SHIFT) & (CELLS - 1);
    int above = boundary[cell] < (normalized ^ Long.MIN_VALUE) ? 1 : 0;
    return ((63 - shift) << SCHEMA) + below[cell] + above;
  }

  /**
   * The position of any value's bucket: 0 for zero, {@code ±(local(|v|) + 1)} otherwise;
   * {@link Long#MIN_VALUE} counts as {@code −Long.MAX_VALUE}.
   */
  public int position(long value) {
    if (value > 0) {
      return local(value) + 1;
    }
    if (value == 0) {
      return 0;
    }
    return -(local(value == Long.MIN_VALUE ? Long.MAX_VALUE : -value) + 1);
  }

  /** Whether {@code position} names a bucket of this layout. */
  public static boolean isPosition(int position) {
    return position >= -LOCAL_INDEXES && position <= LOCAL_INDEXES;
  }

  /** The exported index of a non-zero position's bucket (of its magnitude, for a negative one). */
  public int exportedOfPosition(int position) {
    return exported(Math.abs(position) - 1);
  }

  /** The position of the exported bucket {@code index} on the side of {@code negative}. */
  public int positionOf(int index, boolean negative) {
    int position = localOf(index) + 1;
    return negative ? -position : position;
  }

  /** The value reported for the bucket at {@code position}, in recorded units; 0 for zero. */
  public double representativeOfPosition(int position) {
    if (position == 0) {
      return 0;
    }
    double magnitude = representatives[Math.abs(position) - 1];
    return position < 0 ? -magnitude : magnitude;
  }

  /**
   * The bound of the bucket at {@code position} nearest zero, exclusive, in recorded units: what a
   * snapshot reports as the minimum (or, negated, maximum) when racing writers leave extremes
   * outside the buckets read.
   */
  public double innerBoundOfPosition(int position) {
    if (position == 0) {
      return 0;
    }
    double magnitude = upperBound(exportedOfPosition(position) - 1);
    return position < 0 ? -magnitude : magnitude;
  }

  /** The bound of the bucket at {@code position} farthest from zero, included, in recorded units. */
  public double outerBoundOfPosition(int position) {
    if (position == 0) {
      return 0;
    }
    double magnitude = upperBound(exportedOfPosition(position));
    return position < 0 ? -magnitude : magnitude;
  }

  /** The exported bucket index of a local one. */
  public int exported(int local) {
    return local - offset;
  }

  /** The local index of an exported one. */
  public int localOf(int exported) {
    return exported + offset;
  }

  /** The exported index of the bucket holding the value 1 (in recorded units). */
  public int lowestIndex() {
    return -offset;
  }

  /** The exported index of the bucket holding {@link Long#MAX_VALUE}. */
  public int highestIndex() {
    return exported(LOCAL_INDEXES - 1);
  }

  /** Recorded units per exported unit: 1, or 10^9 for nanoseconds exported in seconds. */
  public long unitsPerExportedUnit() {
    return unitsPerExportedUnit;
  }

  /** The upper bound of bucket {@code exported}, included, in recorded units: {@code u·γ^i}. */
  public double upperBound(int exported) {
    return unitsPerExportedUnit * Math.pow(2, exported / (double) PER_OCTAVE);
  }

  /** The value reported for local bucket {@code local}, in recorded units. */
  public double representative(int local) {
    return representatives[local];
  }

  @Override
  public String toString() {
    return "ExponentialLayout[schema " + SCHEMA + ", " + unitsPerExportedUnit
        + " recorded units per exported unit]";
  }
}
