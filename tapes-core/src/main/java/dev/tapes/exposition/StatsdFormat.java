package dev.tapes.exposition;

import dev.tapes.MetricSnapshot;
import dev.tapes.RegistrySnapshot;
import java.util.function.Consumer;

/**
 * Writes StatsD lines, the protocol of the Etsy daemon ({@code name:value|type}), for a snapshot:
 * what {@code StatsdReporter} sends. A pure function of the snapshot and of the counts the daemon
 * already holds; sockets, datagrams and the bookkeeping of what was delivered are the reporter's.
 *
 * <pre>{@code
 * StatsdFormat.toString(registry.snapshot(), "myapp");
 * // myapp.orders.place.count:3|c
 * // myapp.orders.place.m1:0.6|g ...
 * }</pre>
 *
 * <p>Keys are {@code PREFIX.NAME.KEY} with the keys of {@code getStats()}:
 * <ul>
 *   <li>counts of meters, timers and histograms: the increase since the count the daemon holds,
 *       as a StatsD counter ({@code my.timer.count:3|c}), so that the daemon's totals equal the
 *       true counts; a count below the one delivered (a metric created again) is sent whole;
 *   <li>everything already computed (rates {@code m1 m5 m15}, {@code min max mean stddev},
 *       quantiles {@code q50 … q999}) as gauges ({@code |g}); timer durations in milliseconds,
 *       the StatsD convention; sending them as timings would make the daemon compute
 *       percentiles of percentiles;
 *   <li>a {@code Counter} (which can go down) and a {@code Gauge}: their value as a gauge keyed
 *       by the metric's name alone.
 * </ul>
 * NaN and infinite values (empty windows, failing gauges) are left out: StatsD cannot carry them.
 * A negative gauge is two lines, {@code 0} then the value, because StatsD reads a leading sign
 * as a change to the previous value. Characters outside {@code [A-Za-z0-9_.-]} in keys become
 * {@code _}.
 */
public final class StatsdFormat {

  private static final double NANOS_PER_MILLI = 1e6;

  private StatsdFormat() {}

  /**
   * What a reporter sends as one piece: one line, or the two lines of a negative gauge, which
   * must travel in one datagram; and, for a count, the total the daemon holds once it arrives.
   *
   * @param metric the name of the metric it belongs to
   * @param text the line or lines, without a final newline
   * @param carriesCount whether it is a count's increase (a gauge's value otherwise)
   * @param countTotal for a count, the metric's count once this is delivered; else 0
   */
  public record Entry(String metric, String text, boolean carriesCount, long countTotal) {}

  /** The counts the daemon already holds, by metric name: 0 for a metric never delivered. */
  @FunctionalInterface
  public interface DeliveredCounts {
    long of(String metricName);
  }

  /**
   * Emits the entries of {@code metric}, in order.
   *
   * @param prefix put before every key with a dot; null or empty for none
   */
  public static void write(MetricSnapshot metric, String prefix, long delivered,
      Consumer<Entry> out) {
    String key = keyPrefix(prefix) + sanitize(metric.name());
    StatsLeaf.write(metric, NANOS_PER_MILLI, new StatsLeaf.Fields() {
      @Override
      public void integer(String field, long value) {
        if (field.equals("value")) {
          gauge(metric.name(), key, value, out);
          return;
        }
        long increase = value < delivered ? value : value - delivered;
        if (increase != 0) {
          out.accept(new Entry(metric.name(), key + ".count:" + increase + "|c", true, value));
        }
      }

      @Override
      public void decimal(String field, double value) {
        gauge(metric.name(), field.equals("value") ? key : key + "." + field, value, out);
      }
    });
  }

  /** Every entry of {@code snapshot}, one line each, given what the daemon holds. */
  public static void write(RegistrySnapshot snapshot, String prefix, DeliveredCounts delivered,
      Consumer<Entry> out) {
    for (MetricSnapshot metric : snapshot.metrics()) {
      write(metric, prefix, delivered.of(metric.name()), out);
    }
  }

  /** The lines of {@code snapshot} for a daemon that holds nothing yet, newline-separated. */
  public static String toString(RegistrySnapshot snapshot, String prefix) {
    StringBuilder lines = new StringBuilder();
    write(snapshot, prefix, name -> 0, entry -> lines.append(entry.text()).append('\n'));
    return lines.toString();
  }

  private static void gauge(String metric, String key, double value, Consumer<Entry> out) {
    if (!Double.isFinite(value)) {
      return;
    }
    StringBuilder line = new StringBuilder(key.length() + 24);
    if (value < 0) {
      line.append(key).append(":0|g\n");
    }
    line.append(key).append(':');
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      line.append((long) value);
    } else {
      line.append(value);
    }
    out.accept(new Entry(metric, line.append("|g").toString(), false, 0));
  }

  private static String keyPrefix(String prefix) {
    return prefix == null || prefix.isEmpty() ? "" : sanitize(prefix) + ".";
  }

  /** Keeps what StatsD keeps in a key; it would drop the rest, we make it {@code _}. */
  static String sanitize(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-';
      if (!safe && out == null) {
        out = new StringBuilder(name.length()).append(name, 0, i);
      }
      if (out != null) {
        out.append(safe ? c : '_');
      }
    }
    return out == null ? name : out.toString();
  }
}
