package dev.tapes.scrape;

import dev.tapes.exposition.ExpositionFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the format of a metrics response from the request's {@code Accept} header; written
 * once, shared by {@link HttpReporter} and the JAX-RS {@code MetricsResource}.
 *
 * <pre>{@code
 * Optional<ExpositionFormat> format = ContentNegotiation.negotiate(request.getHeader("Accept"));
 * // empty: answer 406 Not Acceptable
 * }</pre>
 *
 * <p>Rules (RFC 9110 §12.5.1, as Prometheus uses them):
 * <ul>
 *   <li>No header, or nothing parsable in it: {@link ExpositionFormat#JSON}, the default.
 *   <li>{@code application/json} → JSON; {@code application/openmetrics-text} (no version,
 *       {@code 1.0.0} or {@code 0.0.1}) → OpenMetrics 1.0; {@code text/plain} (no version,
 *       {@code 0.0.4} or {@code 1.0.0}) → Prometheus text 0.0.4. Another version does not
 *       match. Other parameters ({@code charset}, {@code escaping}) are ignored: we always
 *       answer UTF-8 with names that need no escaping.
 *   <li>Each format takes the quality ({@code q}, default 1) of the most specific range that
 *       matches it ({@code type/subtype} with a version, then without, then {@code type/*},
 *       then {@code *}{@code /*}). {@code q=0} refuses a format.
 *   <li>The highest quality wins; on a tie, the format matched by the more specific range,
 *       then by the range earlier in the header, then JSON before OpenMetrics before
 *       Prometheus text. So {@code *}{@code /*} and {@code application/*} give JSON, and
 *       {@code text/*} gives Prometheus text.
 *   <li>No format with a quality above 0: empty, meaning 406 Not Acceptable.
 * </ul>
 */
public final class ContentNegotiation {

  /** What a 406 response can list as available. */
  public static final String AVAILABLE = "application/json, "
      + "application/openmetrics-text; version=1.0.0, text/plain; version=0.0.4";

  private static final ExpositionFormat[] FORMATS = ExpositionFormat.values();

  private ContentNegotiation() {}

  /**
   * The format to answer in, or empty if the header accepts none of ours.
   *
   * @param accept the {@code Accept} header (several headers joined with commas), or null
   */
  public static Optional<ExpositionFormat> negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(ExpositionFormat.JSON);
    }
    // Per format: the quality, specificity and position of its best matching range.
    double[] quality = new double[FORMATS.length];
    int[] specificity = new int[FORMATS.length];
    int[] position = new int[FORMATS.length];
    java.util.Arrays.fill(specificity, -1);
    boolean parsedAny = false;
    String[] ranges = accept.split(",");
    for (int p = 0; p < ranges.length; p++) {
      MediaRange range = MediaRange.parse(ranges[p]);
      if (range == null) {
        continue;
      }
      parsedAny = true;
      for (int f = 0; f < FORMATS.length; f++) {
        int matched = range.specificityFor(FORMATS[f]);
        if (matched > specificity[f]) {
          specificity[f] = matched;
          quality[f] = range.quality;
          position[f] = p;
        }
      }
    }
    if (!parsedAny) {
      return Optional.of(ExpositionFormat.JSON);
    }
    int best = -1;
    for (int f = 0; f < FORMATS.length; f++) {
      if (specificity[f] < 0 || quality[f] <= 0) {
        continue;
      }
      if (best < 0 || quality[f] > quality[best]
          || (quality[f] == quality[best] && (specificity[f] > specificity[best]
              || (specificity[f] == specificity[best] && position[f] < position[best])))) {
        best = f;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(FORMATS[best]);
  }

  /** One media range of an {@code Accept} header. */
  private static final class MediaRange {

    private final String type;
    private final String subtype;
    private final String version;
    private final double quality;

    private MediaRange(String type, String subtype, String version, double quality) {
      this.type = type;
      this.subtype = subtype;
      this.version = version;
      this.quality = quality;
    }

    /** The range, or null if it is malformed. */
    static MediaRange parse(String text) {
      String[] parts = text.split(";");
      String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
      int slash = mediaType.indexOf('/');
      if (slash <= 0 || slash == mediaType.length() - 1) {
        return null;
      }
      String type = mediaType.substring(0, slash).trim();
      String subtype = mediaType.substring(slash + 1).trim();
      if (type.equals("*") && !subtype.equals("*")) {
        return null;
      }
      String version = null;
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim();
        int equals = parameter.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
        String value = unquote(parameter.substring(equals + 1).trim());
        if (name.equals("q")) {
          try {
            quality = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            return null;
          }
          if (!(quality >= 0 && quality <= 1)) {
            return null;
          }
        } else if (name.equals("version")) {
          version = value;
        }
      }
      return new MediaRange(type, subtype, version, quality);
    }

    /** How specifically this range names {@code format}: -1 if it does not match it. */
    int specificityFor(ExpositionFormat format) {
      if (type.equals("*")) {
        return 0;
      }
      String formatType = format == ExpositionFormat.PROMETHEUS_TEXT ? "text" : "application";
      if (!type.equals(formatType)) {
        return -1;
      }
      if (subtype.equals("*")) {
        return 1;
      }
      switch (format) {
        case JSON:
          return subtype.equals("json") ? 2 : -1;
        case OPENMETRICS:
          return subtype.equals("openmetrics-text") ? versioned("1.0.0", "0.0.1") : -1;
        default:
          return subtype.equals("plain") ? versioned("0.0.4", "1.0.0") : -1;
      }
    }

    private int versioned(String... supported) {
      if (version == null) {
        return 2;
      }
      for (String candidate : supported) {
        if (candidate.equals(version)) {
          return 3;
        }
      }
      return -1;
    }

    private static String unquote(String value) {
      return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
          ? value.substring(1, value.length() - 1) : value;
    }
  }
}
