package dev.tapes.exposition;

import dev.tapes.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a snapshot in OpenMetrics 1.0 text, the format Prometheus asks for first.
 *
 * <pre>{@code
 * OpenMetricsFormat.write(registry.snapshot(), outputStream);
 * }</pre>
 *
 * <p>Names and types as {@link PrometheusTextFormat}, with OpenMetrics' differences: a
 * meter's counter family is named without {@code _total} and its sample with it; timers carry
 * {@code # UNIT NAME_seconds seconds}; a summary whose sum is negative (a histogram of negative
 * values) leaves out {@code _sum}, which OpenMetrics makes optional and non-negative; the
 * output ends with {@code # EOF}.
 */
public final class OpenMetricsFormat {

  /** The media type of this format, as sent in {@code Content-Type}. */
  public static final String CONTENT_TYPE =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private OpenMetricsFormat() {}

  /** Appends the exposition of {@code snapshot} to {@code out}. */
  public static void write(RegistrySnapshot snapshot, Appendable out) throws IOException {
    PrometheusWriter.write(snapshot, Sink.to(out), true);
  }

  /** Writes the exposition of {@code snapshot} to {@code out} in UTF-8; does not close it. */
  public static void write(RegistrySnapshot snapshot, OutputStream out) throws IOException {
    PrometheusWriter.write(snapshot, Sink.to(out), true);
  }

  /** The exposition of {@code snapshot} as a string. */
  public static String toString(RegistrySnapshot snapshot) {
    return Sink.render(snapshot, OpenMetricsFormat::write);
  }
}
