package dev.tapes.cdi;

import dev.tapes.internal.Configuration;
import dev.tapes.internal.Durations;
import java.nio.file.Path;
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
 * misspelled key under {@code tapes.report.}, {@code tapes.stream.}, {@code tapes.statsd.} or
 * {@code tapes.distributed.} are refused with an {@link IllegalArgumentException} naming the key,
 * so deployment fails.
 *
 * @param distributed the distributed proxy to report through, null when not configured
 */
record TapesConfig(List<Reporting> reporters, Distribution distributed) {

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
  /** The aggregator of distributed mode ({@code tcp://host:port}); off by default. */
  static final String DISTRIBUTED_ENDPOINT = "tapes.distributed.endpoint";
  /** How often the proxy ships its state; tapes-distributed's default (1 s) by default. */
  static final String DISTRIBUTED_FLUSH_INTERVAL = "tapes.distributed.flush-interval";
  /** This process's name in the aggregator's gauges; {@code <host>-<pid>} by default. */
  static final String DISTRIBUTED_PROCESS_NAME = "tapes.distributed.process-name";
  /** The aggregator's CURVE public key (Z85), for an aggregator that requires CURVE. */
  static final String DISTRIBUTED_CURVE_SERVER_KEY = "tapes.distributed.curve.server-key";
  /** This proxy's CURVE key pair file, as written by the aggregator's --generate-curve-keys. */
  static final String DISTRIBUTED_CURVE_KEY_FILE = "tapes.distributed.curve.key-file";

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  static final String DEFAULT_STATSD_HOST = "localhost";
  static final int DEFAULT_STATSD_PORT = 8125;

  private static final List<String> KEYS = List.of(REPORTERS, REPORT_INTERVAL, STREAM_INTERVAL,
      STATSD_INTERVAL, STATSD_HOST, STATSD_PORT, STATSD_PREFIX, DISTRIBUTED_ENDPOINT,
      DISTRIBUTED_FLUSH_INTERVAL, DISTRIBUTED_PROCESS_NAME, DISTRIBUTED_CURVE_SERVER_KEY,
      DISTRIBUTED_CURVE_KEY_FILE);
  private static final List<String> OWNED_PREFIXES =
      List.of("tapes.report.", "tapes.stream.", "tapes.statsd.", "tapes.distributed.");

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
   * Distributed mode: a proxy registry shipping to the aggregator at {@code endpoint}. Null
   * settings mean tapes-distributed's defaults; CURVE is on when both keys are given.
   */
  record Distribution(String endpoint, Duration flushInterval, String processName,
      String curveServerKey, Path curveKeyFile) {}

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
    return new TapesConfig(reporters, distribution(settings));
  }

  private static Distribution distribution(Configuration settings) {
    String endpoint = blankToNull(settings.get(DISTRIBUTED_ENDPOINT));
    Duration flushInterval = duration(settings, DISTRIBUTED_FLUSH_INTERVAL, null);
    String processName = blankToNull(settings.get(DISTRIBUTED_PROCESS_NAME));
    String serverKey = blankToNull(settings.get(DISTRIBUTED_CURVE_SERVER_KEY));
    String keyFile = blankToNull(settings.get(DISTRIBUTED_CURVE_KEY_FILE));
    if (endpoint == null) {
      for (String key : List.of(DISTRIBUTED_FLUSH_INTERVAL, DISTRIBUTED_PROCESS_NAME,
          DISTRIBUTED_CURVE_SERVER_KEY, DISTRIBUTED_CURVE_KEY_FILE)) {
        if (blankToNull(settings.get(key)) != null) {
          throw invalid(settings, key, settings.get(key), "set without "
              + DISTRIBUTED_ENDPOINT + ", which turns distributed mode on");
        }
      }
      return null;
    }
    if ((serverKey == null) != (keyFile == null)) {
      String missing = serverKey == null ? DISTRIBUTED_CURVE_SERVER_KEY
          : DISTRIBUTED_CURVE_KEY_FILE;
      String given = serverKey == null ? DISTRIBUTED_CURVE_KEY_FILE
          : DISTRIBUTED_CURVE_SERVER_KEY;
      throw invalid(settings, given, settings.get(given), "CURVE also needs " + missing);
    }
    return new Distribution(endpoint.trim(), flushInterval, processName, serverKey,
        keyFile == null ? null : Path.of(keyFile.trim()));
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
