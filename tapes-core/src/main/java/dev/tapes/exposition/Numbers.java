package dev.tapes.exposition;

/**
 * Number formatting shared by every writer: one function per target syntax, appending to a
 * {@link StringBuilder}.
 *
 * <p>Most numbers we write (durations in seconds, bucket midpoints, counts) have short exact
 * decimal forms, and those are written by {@link #appendShortDecimal} with long arithmetic and
 * no allocation. On Java 17, {@code StringBuilder.append(double)} allocates a few hundred bytes
 * per call for such values (its slow path uses big integers), which for 1,000 timers is most of
 * a scrape's garbage. Values with no exact form of at most 15 to 16 digits fall back to it.
 */
final class Numbers {

  /** Doubles with no fractional part and a magnitude below this print as integers. */
  private static final double EXACT_LONG_LIMIT = 1e15;
  /** Powers of ten exactly representable as doubles. */
  private static final double[] POW10 = new double[23];
  private static final long[] LONG_POW10 = new long[19];
  private static final double TWO_TO_53 = 9007199254740992.0;

  static {
    double power = 1;
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = power;
      power *= 10;
    }
    long longPower = 1;
    for (int k = 0; k < LONG_POW10.length; k++) {
      LONG_POW10[k] = longPower;
      longPower *= 10;
    }
  }

  private Numbers() {}

  /**
   * Prometheus text and OpenMetrics: {@code NaN}, {@code +Inf}, {@code -Inf}, integers without
   * a fraction ({@code 3}, not {@code 3.0}), others in plain decimal ({@code 0.0005}) or as Java
   * prints them ({@code 1.0E-25}), which Go's {@code ParseFloat} reads back exactly.
   */
  static void appendPrometheus(StringBuilder out, double value) {
    if (Double.isNaN(value)) {
      out.append("NaN");
    } else if (value == Double.POSITIVE_INFINITY) {
      out.append("+Inf");
    } else if (value == Double.NEGATIVE_INFINITY) {
      out.append("-Inf");
    } else if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG_LIMIT
        && !(value == 0 && 1 / value < 0)) {
      out.append((long) value);
    } else if (!appendShortDecimal(out, value, false)) {
      out.append(value);
    }
  }

  /**
   * JSON: non-finite values as {@code null} (JSON has no NaN); finite doubles always with a
   * fraction or exponent ({@code 2.0}), so that a parser reads them back as doubles, not
   * integers, and a parsed document equals {@code getStats()}.
   */
  static void appendJson(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append("null");
    } else if (!appendShortDecimal(out, value, true)) {
      out.append(value);
    }
  }

  /**
   * Appends finite {@code value} as a plain decimal {@code m / 10^k} with {@code m < 2^53}, the
   * smallest such {@code k} at most 22, if one reads back as exactly {@code value}; returns
   * false, appending nothing, if none does.
   *
   * <p>Exactness: {@code m} and {@code 10^k} are both exact doubles, so the division
   * {@code m / 10^k} is correctly rounded, which is what any correct parser returns for the
   * decimal text (Clinger's fast path). The check is therefore the parse itself.
   */
  static boolean appendShortDecimal(StringBuilder out, double value, boolean forceFraction) {
    double magnitude = Math.abs(value);
    for (int k = 0; k < POW10.length; k++) {
      double scaled = magnitude * POW10[k];
      if (scaled >= TWO_TO_53) {
        return false;
      }
      long digits = Math.round(scaled);
      if (digits / POW10[k] == magnitude) {
        if (Double.doubleToRawLongBits(value) < 0) {
          out.append('-');
        }
        appendScaled(out, digits, k, forceFraction);
        return true;
      }
    }
    return false;
  }

  /** Appends {@code digits / 10^scale} in plain decimal. */
  private static void appendScaled(StringBuilder out, long digits, int scale,
      boolean forceFraction) {
    if (scale == 0) {
      out.append(digits);
      if (forceFraction) {
        out.append(".0");
      }
      return;
    }
    if (scale < LONG_POW10.length && digits >= LONG_POW10[scale]) {
      out.append(digits / LONG_POW10[scale]).append('.');
      appendPadded(out, digits % LONG_POW10[scale], scale);
    } else {
      out.append("0.");
      appendPadded(out, digits, scale);
    }
  }

  /** Appends {@code value} with leading zeros to {@code width} digits. */
  private static void appendPadded(StringBuilder out, long value, int width) {
    int length = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      length++;
    }
    for (int i = length; i < width; i++) {
      out.append('0');
    }
    out.append(value);
  }
}
