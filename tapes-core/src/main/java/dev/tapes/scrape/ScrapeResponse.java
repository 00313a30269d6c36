package dev.tapes.scrape;

import dev.tapes.RegistrySnapshot;
import dev.tapes.exposition.ExpositionFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ScrapeHandler} answers: a status, headers, and either metrics in a format or a
 * short plain-text message. An endpoint writes it back as its server does.
 */
public final class ScrapeResponse {

  /** The {@code Content-Type} of messages. */
  public static final String TEXT = "text/plain; charset=utf-8";

  private final int status;
  private final Map<String, String> headers;
  private final ExpositionFormat format;
  private final RegistrySnapshot metrics;
  private final String message;

  private ScrapeResponse(int status, Map<String, String> headers, ExpositionFormat format,
      RegistrySnapshot metrics, String message) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.format = format;
    this.metrics = metrics;
    this.message = message;
  }

  static ScrapeResponse metrics(ExpositionFormat format, RegistrySnapshot metrics) {
    Map<String, String> headers = new LinkedHashMap<>(ScrapeHandler.ALWAYS);
    headers.put("Content-Type", format.getContentType());
    return new ScrapeResponse(200, headers, Objects.requireNonNull(format),
        Objects.requireNonNull(metrics), null);
  }

  static ScrapeResponse problem(int status, String message, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(ScrapeHandler.ALWAYS);
    headers.putAll(extra);
    headers.put("Content-Type", TEXT);
    return new ScrapeResponse(status, headers, null, null, message);
  }

  /** The HTTP status: 200, or 401, 403, 404, 406. */
  public int status() {
    return status;
  }

  /** Every header to send, {@code Content-Type} included. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Whether this answers metrics, rather than a problem. */
  public boolean hasMetrics() {
    return format != null;
  }

  /** The format of the metrics; null for a problem. */
  public ExpositionFormat format() {
    return format;
  }

  /** The metrics to answer; null for a problem. */
  public RegistrySnapshot metrics() {
    return metrics;
  }

  /** The problem, for a person to read; null for metrics. */
  public String message() {
    return message;
  }

  /** Writes the body, metrics in their format or the message, in UTF-8; does not close. */
  public void writeBody(OutputStream out) throws IOException {
    if (format != null) {
      format.write(metrics, out);
    } else {
      out.write(message.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "ScrapeResponse[" + status + (format != null ? ", " + format : ", " + message) + "]";
  }
}
