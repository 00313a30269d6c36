package dev.tapes.distributed;

import java.nio.file.Path;
import dev.tapes.internal.Durations;
import java.time.Duration;

/**
 * The command line of {@link AggregatorCommand}, parsed and checked. Every option has a
 * default, so that {@code java -jar tapes-distributed-aggregator.jar} alone runs an aggregator
 * on the default endpoint.
 */
final class AggregatorOptions {

  static final String DEFAULT_STATE_FILE = "tapes-aggregator.state";

  static final String USAGE = """
      Usage: java -jar tapes-distributed-<version>-aggregator.jar [options]

      Receives the state of every DistributedRegistry and reports the merged metrics.

        --bind ENDPOINT            0MQ endpoint proxies connect to
                                   (default tcp://127.0.0.1:5557; tcp://0.0.0.0:5557 for all)
        --http PORT                serve GET /metrics (JSON, Prometheus, OpenMetrics) on PORT;
                                   0 picks a free port (default: no HTTP endpoint)
        --http-bind ADDRESS        address the HTTP endpoint listens on (default 127.0.0.1)
        --statsd HOST:PORT         push to a StatsD daemon every --statsd-interval
        --statsd-prefix PREFIX     prefix of every StatsD key (default: none)
        --statsd-interval TIME     (default 10s)
        --stream-interval TIME     print the merged metrics as a JSON line to stdout every TIME
        --state FILE               keep totals across restarts in FILE
                                   (default ./tapes-aggregator.state)
        --no-state                 keep no state file: a restart starts from zero
        --save-interval TIME       how often the state file is rewritten (default 5s)
        --silence-timeout TIME     a proxy silent this long leaves gauges and rates (default 10s)
        --retire-after TIME        a proxy silent this long is folded into totals (default 24h)
        --max-frame-bytes N        largest message accepted (default 67108864)
        --curve-key-file FILE      require CURVE: this aggregator's key pair (public-key= and
                                   secret-key= lines, as --generate-curve-keys prints)
        --curve-allowed-keys FILE  public keys of the proxies allowed to publish, one a line
                                   (bare or as public-key=...); needed with --curve-key-file
        --generate-curve-keys      print a new key pair in key-file format and exit
        --help                     print this and exit

      TIME is a number with a unit, ms, s, m or h (500ms, 10s, 5m, 24h), or ISO-8601 (PT10S).
      On start it prints "endpoint <bound endpoint>" and, with --http, "http <url>".
      SIGTERM or Ctrl-C stops it cleanly and saves the state file.
      """;

  String bind = RegistryAggregator.DEFAULT_ENDPOINT;
  Integer httpPort;
  String httpBind = "127.0.0.1";
  String statsdHost;
  int statsdPort;
  String statsdPrefix;
  Duration statsdInterval = Duration.ofSeconds(10);
  Duration streamInterval;
  Path stateFile = Path.of(DEFAULT_STATE_FILE);
  Duration saveInterval = RegistryAggregator.DEFAULT_SAVE_INTERVAL;
  Duration silenceTimeout = RegistryAggregator.DEFAULT_SILENCE_TIMEOUT;
  Duration retireAfter = RegistryAggregator.DEFAULT_RETIRE_AFTER;
  long maxFrameBytes = RegistryAggregator.DEFAULT_MAX_FRAME_BYTES;
  Path curveKeyFile;
  Path curveAllowedKeys;
  boolean generateCurveKeys;
  boolean help;

  private AggregatorOptions() {}

  /**
   * Parses a command line.
   *
   * @throws IllegalArgumentException naming the offending option
   */
  static AggregatorOptions parse(String... args) {
    AggregatorOptions options = new AggregatorOptions();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> options.help = true;
        case "--generate-curve-keys" -> options.generateCurveKeys = true;
        case "--no-state" -> options.stateFile = null;
        case "--bind" -> options.bind = value(args, ++i, option);
        case "--http" -> options.httpPort = port(value(args, ++i, option), option, 0);
        case "--http-bind" -> options.httpBind = value(args, ++i, option);
        case "--statsd" -> options.statsd(value(args, ++i, option));
        case "--statsd-prefix" -> options.statsdPrefix = value(args, ++i, option);
        case "--statsd-interval" -> options.statsdInterval = time(value(args, ++i, option),
            option);
        case "--stream-interval" -> options.streamInterval = time(value(args, ++i, option),
            option);
        case "--state" -> options.stateFile = Path.of(value(args, ++i, option));
        case "--save-interval" -> options.saveInterval = time(value(args, ++i, option), option);
        case "--silence-timeout" -> options.silenceTimeout = time(value(args, ++i, option),
            option);
        case "--retire-after" -> options.retireAfter = time(value(args, ++i, option), option);
        case "--max-frame-bytes" -> options.maxFrameBytes = number(value(args, ++i, option),
            option);
        case "--curve-key-file" -> options.curveKeyFile = Path.of(value(args, ++i, option));
        case "--curve-allowed-keys" -> options.curveAllowedKeys =
            Path.of(value(args, ++i, option));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if ((options.curveKeyFile == null) != (options.curveAllowedKeys == null)) {
      throw new IllegalArgumentException(
          "--curve-key-file and --curve-allowed-keys go together");
    }
    return options;
  }

  /** A duration as the configuration writes them ({@link Durations}): {@code 10s}, {@code PT10S}. */
  static Duration time(String text, String option) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  private void statsd(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--statsd takes HOST:PORT, not " + hostAndPort);
    }
    statsdHost = hostAndPort.substring(0, colon);
    statsdPort = port(hostAndPort.substring(colon + 1), "--statsd", 1);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int port(String text, String option, int lowest) {
    long port = number(text, option);
    if (port < lowest || port > 65535) {
      throw new IllegalArgumentException(option + ": port out of range: " + text);
    }
    return (int) port;
  }

  private static long number(String text, String option) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a number: " + text);
    }
  }
}
