package dev.tapes.cdi;

import dev.tapes.config.Configuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration of the CDI integration, read once at deployment from {@link Configuration}:
 * which reporters run, how often, and where they send.
 *
 * <p>Every key is listed here and in the README. A bad value, an unknown reporter and a
 * misspelled key under {@code tapes.report.}, {@code tapes.stream.} or {@code tapes.statsd.}
 * are refused with an {@link IllegalArgumentException} naming the key, so deployment fails.
 */
record TapesConfig(List<Reporting> reporters, String distributedEndpoint) {

  /** Comma-separated reporters to run: {@code stream}, {@code statsd}. None by default. */
  static final String REPORTERS = "tapes.reporters";
  /** How often every reporter reports; {@code 10s} by default. */
  static final String REPORT_INTERVAL = "tapes.report.interval";
  /** How often the stream reporter reports; {@link #REPORT_INTERVAL} by default. */
  static final String STREAM_INTERVAL = "tapes.stream.interval";
  /** How often the StatsD reporter reports; {@link #REPORT_INTERVAL} by default. */
  static final String STATSD_INTERVAL = "tapes.statsd.interval";
  /** The StatsD daemon's host; {@code localhost} by default, as the seed. */
  static final String STATSD_HOST = "tapes.statsd.host";
  /** The StatsD daemon's UDP port; {@code 8125} by default. */
  static final String STATSD_PORT = "tapes.statsd.port";
  /** A prefix before every StatsD name, without its dot; none by default. */
  static final String STATSD_PREFIX = "tapes.statsd.prefix";
  /** The aggregator of distributed mode; reserved for tapes-distributed. */
  static final String DISTRIBUTED_ENDPOINT = "tapes.distributed.endpoint";

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  static final String DEFAULT_STATSD_HOST = "localhost";
  static final int DEFAULT_STATSD_PORT = 8125;

  private static final List<String> KEYS = List.of(REPORTERS, REPORT_INTERVAL, STREAM_INTERVAL,
      STATSD_INTERVAL, STATSD_HOST, STATSD_PORT, STATSD_PREFIX, DISTRIBUTED_ENDPOINT);
  private static final List<String> OWNED_PREFIXES =
      List.of("tapes.report.", "tapes.stream.", "tapes.statsd.");

  TapesConfig {
    reporters = List.copyOf(reporters);
  }

  /** One configured reporter. */
  sealed interface Reporting permits StreamReporting, StatsdReporting {

    Duration interval();
  }

  /** The stream reporter, writing JSON to standard output. */
  record StreamReporting(Duration interval) implements Reporting {}

  /** The StatsD reporter, sending UDP datagrams to {@code host:port}. */
  record StatsdReporting(Duration interval, String host, int port, String prefix)
      implements Reporting {}

  /**
   * Reads and checks every key.
   *
   * @throws IllegalArgumentException naming the key, its value and where it came from
   */
  static TapesConfig read(Configuration settings) {
    for (String key : settings.keys()) {
      if (OWNED_PREFIXES.stream().anyMatch(key::startsWith) && !KEYS.contains(key)) {
        throw new IllegalArgumentException(key + ": unknown key (from " + settings.describe()
            + "); known keys: " + String.join(", ", KEYS));
      }
    }
    Duration interval = duration(settings, REPORT_INTERVAL, DEFAULT_INTERVAL);
    List<Reporting> reporters = new ArrayList<>();
    for (String reporter : reporterNames(settings)) {
      if (reporter.equals("stream")) {
        reporters.add(new StreamReporting(duration(settings, STREAM_INTERVAL, interval)));
      } else {
        reporters.add(new StatsdReporting(duration(settings, STATSD_INTERVAL, interval),
            host(settings), port(settings), blankToNull(settings.get(STATSD_PREFIX))));
      }
    }
    return new TapesConfig(reporters, blankToNull(settings.get(DISTRIBUTED_ENDPOINT)));
  }

  private static Set<String> reporterNames(Configuration settings) {
    String value = settings.get(REPORTERS);
    Set<String> names = new LinkedHashSet<>();
    if (value == null) {
      return names;
    }
    for (String part : value.split(",", -1)) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!name.equals("stream") && !name.equals("statsd")) {
        throw invalid(settings, REPORTERS, value, "unknown reporter '" + part.trim()
            + "'; known: stream, statsd");
      }
      names.add(name);
    }
    return names;
  }

  private static Duration duration(Configuration settings, String key, Duration otherwise) {
    String value = blankToNull(settings.get(key));
    if (value == null) {
      return otherwise;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(settings, key, value, e.getMessage());
    }
  }

  private static String host(Configuration settings) {
    String value = blankToNull(settings.get(STATSD_HOST));
    return value == null ? DEFAULT_STATSD_HOST : value.trim();
  }

  private static int port(Configuration settings) {
    String value = blankToNull(settings.get(STATSD_PORT));
    if (value == null) {
      return DEFAULT_STATSD_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below, which says what is expected.
    }
    throw invalid(settings, STATSD_PORT, value, "not a UDP port (1-65535)");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static IllegalArgumentException invalid(Configuration settings, String key, String value,
      String problem) {
    return new IllegalArgumentException(key + "=" + value + ": " + problem + " (from "
        + settings.describe() + ")");
  }
}
