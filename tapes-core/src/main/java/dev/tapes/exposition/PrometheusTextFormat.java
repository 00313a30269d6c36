package dev.tapes.exposition;

import dev.tapes.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a snapshot in the Prometheus text exposition format 0.0.4, clean under
 * {@code promtool check metrics} (lint included).
 *
 * <pre>{@code
 * PrometheusTextFormat.write(registry.snapshot(), outputStream);
 * }</pre>
 *
 * <p>Names follow {@link PrometheusNames}. Types:
 * <ul>
 *   <li>{@code Counter} → {@code gauge}: a Tapes counter can go down, and a Prometheus counter
 *       must not.
 *   <li>{@code Gauge} → {@code gauge}.
 *   <li>{@code Meter} → counter {@code NAME_total} (events ever), plus gauges
 *       {@code NAME_m1_rate}, {@code NAME_m5_rate}, {@code NAME_m15_rate} (events per second,
 *       the seed's moving averages).
 *   <li>{@code Timer} → summary {@code NAME_seconds}: quantiles 0.5, 0.75, 0.95, 0.98, 0.99,
 *       0.999 over the recent window, {@code _sum} (seconds) and {@code _count} over the
 *       timer's life. Rates are left to PromQL ({@code rate(NAME_seconds_count[1m])}).
 *   <li>{@code Histogram} → summary {@code NAME}, the same series in the histogram's own unit.
 * </ul>
 * Each family has {@code # HELP} (kind and dotted name) and {@code # TYPE}. An empty window's
 * quantiles are {@code NaN}, as Prometheus clients write them. Writing allocates one buffer
 * per call, nothing per metric or sample.
 */
public final class PrometheusTextFormat {

  /** The media type of this format, as sent in {@code Content-Type}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusTextFormat() {}

  /** Appends the exposition of {@code snapshot} to {@code out}. */
  public static void write(RegistrySnapshot snapshot, Appendable out) throws IOException {
    PrometheusWriter.write(snapshot, Sink.to(out), false);
  }

  /** Writes the exposition of {@code snapshot} to {@code out} in UTF-8; does not close it. */
  public static void write(RegistrySnapshot snapshot, OutputStream out) throws IOException {
    PrometheusWriter.write(snapshot, Sink.to(out), false);
  }

  /** The exposition of {@code snapshot} as a string. */
  public static String toString(RegistrySnapshot snapshot) {
    return Sink.render(snapshot, PrometheusTextFormat::write);
  }
}
