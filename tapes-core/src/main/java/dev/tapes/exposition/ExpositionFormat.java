package dev.tapes.exposition;

import dev.tapes.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The formats an endpoint can answer in, each with its {@code Content-Type}: what content
 * negotiation chooses between.
 */
public enum ExpositionFormat {

  /** The {@code getStats()} tree as JSON: the default. See {@link JsonFormat}. */
  JSON(JsonFormat.CONTENT_TYPE),
  /** OpenMetrics 1.0 text. See {@link OpenMetricsFormat}. */
  OPENMETRICS(OpenMetricsFormat.CONTENT_TYPE),
  /** Prometheus text 0.0.4. See {@link PrometheusTextFormat}. */
  PROMETHEUS_TEXT(PrometheusTextFormat.CONTENT_TYPE);

  private final String contentType;

  ExpositionFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The value of the {@code Content-Type} header of a response in this format. */
  public String getContentType() {
    return contentType;
  }

  /** Writes {@code snapshot} in this format to {@code out} in UTF-8; does not close it. */
  public void write(RegistrySnapshot snapshot, OutputStream out) throws IOException {
    switch (this) {
      case JSON:
        JsonFormat.write(snapshot, out);
        break;
      case OPENMETRICS:
        OpenMetricsFormat.write(snapshot, out);
        break;
      default:
        PrometheusTextFormat.write(snapshot, out);
        break;
    }
  }
}
