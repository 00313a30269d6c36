package dev.tapes.reporting;

import dev.tapes.CounterSnapshot;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.Rates;
import dev.tapes.Registry;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Pushes a registry to a StatsD daemon over UDP every interval: the seed's
 * {@code StatsdReporter}, without its flaw of pushing percentiles as timings (the daemon would
 * re-aggregate them into meaningless percentiles of percentiles).
 *
 * <pre>{@code
 * new StatsdReporter(Duration.ofSeconds(10), "localhost", 8125, "myapp", registry).start();
 * }</pre>
 *
 * <p><b>Lines.</b> Keys are {@code PREFIX.NAME.KEY}, the keys of {@code getStats()}:
 * <ul>
 *   <li>counts of meters, timers and histograms: the increase since the last report as a StatsD
 *       counter ({@code my.timer.count:3|c}), so that the daemon's totals equal the true counts;
 *   <li>everything already computed (rates {@code m1 m5 m15}, {@code min max mean stddev},
 *       quantiles {@code q50 q75 q95 q98 q99 q999}) as gauges ({@code |g}); timer durations in
 *       milliseconds, the StatsD convention;
 *   <li>a {@code Counter} (which can go down) and a {@code Gauge}: their value as a gauge keyed
 *       by the metric's name alone.
 * </ul>
 * NaN and infinite values (empty windows, failing gauges) are not sent: StatsD cannot carry
 * them. A negative gauge is sent as {@code 0} then the value in the same datagram, because
 * StatsD reads a leading sign as a change to the previous value. Characters outside
 * {@code [A-Za-z0-9_.-]} in keys become {@code _}.
 *
 * <p><b>Datagrams</b> hold whole lines and at most {@value #MAX_PAYLOAD_BYTES} bytes, which
 * fits a 1500-byte Ethernet MTU without fragmentation. The socket is connected, so the
 * operating system reports an unreachable daemon (ICMP port unreachable) as an error; a report
 * that meets one counts none of its increases as delivered, and the next report sends them
 * again. Totals therefore stay exact across a daemon that was down for a while, as far as the
 * network reports losses (UDP gives no other receipt: a datagram dropped silently is lost).
 */
public class StatsdReporter extends ScheduledReporter {

  /** The largest datagram payload sent. */
  public static final int MAX_PAYLOAD_BYTES = 1432;

  private static final double NANOS_PER_MILLI = 1e6;
  private static final String[] QUANTILE_KEYS = {"q50", "q75", "q95", "q98", "q99", "q999"};
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

  private final String host;
  private final int port;
  private final String prefix;
  /** The count last delivered per metric name. Guarded by {@code this} (report is synchronized). */
  private final Map<String, Long> delivered = new HashMap<>();
  private DatagramChannel channel;

  /**
   * Reports to the daemon at {@code host:port}, every key starting with {@code prefix} and a dot
   * ({@code null} or empty: no prefix).
   */
  public StatsdReporter(Duration interval, String host, int port, String prefix,
      Registry registry) {
    this(interval, host, port, prefix, registry, null);
  }

  /** Runs on {@code executor}, for example a container's managed scheduled executor. */
  public StatsdReporter(Duration interval, String host, int port, String prefix,
      Registry registry, ScheduledExecutorService executor) {
    super(interval, registry, executor);
    this.host = Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be within 1..65535, was " + port);
    }
    this.port = port;
    this.prefix = prefix == null || prefix.isEmpty() ? "" : sanitize(prefix) + ".";
  }

  @Override
  public synchronized void report() throws IOException {
    List<Datagram> datagrams = datagrams(getRegistry().snapshot().metrics());
    try {
      DatagramChannel open = channel();
      for (Datagram datagram : datagrams) {
        if (datagram.payload.length() > 0) {
          ByteBuffer bytes = ByteBuffer.wrap(
              datagram.payload.toString().getBytes(StandardCharsets.UTF_8));
          if (open.write(bytes) == 0) {
            throw new IOException("the socket's send buffer is full");
          }
        }
      }
      // A connected UDP socket learns from ICMP that nothing listens; a non-blocking read
      // surfaces that now (PortUnreachableException) rather than at the next report.
      open.read(ByteBuffer.allocate(1));
    } catch (IOException e) {
      closeChannel(); // resolve and connect afresh next time: the daemon may have moved
      throw new IOException("cannot send to StatsD at " + host + ":" + port + ": " + e, e);
    }
    // Only now: increases of a report that failed are sent again with the next one.
    for (Datagram datagram : datagrams) {
      delivered.putAll(datagram.counts);
    }
  }

  @Override
  public void stop() {
    super.stop();
    synchronized (this) {
      closeChannel();
    }
  }

  @Override
  protected String describe() {
    return "StatsdReporter to " + host + ":" + port;
  }

  private DatagramChannel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new IOException("cannot resolve StatsD host '" + host + "'");
      }
      DatagramChannel opened = DatagramChannel.open();
      try {
        // Connected: the OS then reports an unreachable daemon (ICMP) as an exception.
        // Non-blocking: a report never waits on the network.
        opened.configureBlocking(false);
        opened.connect(address);
      } catch (IOException e) {
        opened.close();
        throw e;
      }
      channel = opened;
    }
    return channel;
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        System.getLogger(StatsdReporter.class.getName())
            .log(System.Logger.Level.DEBUG, "closing the StatsD channel failed", e);
      }
      channel = null;
    }
  }

  /** The lines of every metric, packed into datagrams. */
  List<Datagram> datagrams(List<MetricSnapshot> metrics) {
    Packer packer = new Packer();
    StringBuilder lines = new StringBuilder(256);
    for (MetricSnapshot metric : metrics) {
      String key = prefix + sanitize(metric.name());
      if (metric instanceof CounterSnapshot counter) {
        gauge(lines, key, "", counter.count());
        packer.add(lines, null, 0);
      } else if (metric instanceof GaugeSnapshot gauge) {
        gauge(lines, key, "", gauge.value());
        packer.add(lines, null, 0);
      } else if (metric instanceof MeterSnapshot meter) {
        count(packer, lines, key, meter.name(), meter.count());
        rates(packer, lines, key, meter.rates());
      } else if (metric instanceof TimerSnapshot timer) {
        count(packer, lines, key, timer.name(), timer.count());
        rates(packer, lines, key, timer.rates());
        distribution(packer, lines, key, timer.window(), NANOS_PER_MILLI);
      } else if (metric instanceof HistogramSnapshot histogram) {
        count(packer, lines, key, histogram.name(), histogram.count());
        distribution(packer, lines, key, histogram.window(), 1.0);
      }
    }
    return packer.finish();
  }

  private void count(Packer packer, StringBuilder lines, String key, String name, long count) {
    Long last = delivered.get(name);
    // A count below the last one delivered means the metric was recreated: start over.
    long increase = last == null || count < last ? count : count - last;
    if (increase != 0) {
      lines.append(key).append(".count:").append(increase).append("|c\n");
    }
    packer.add(lines, name, count);
  }

  private static void rates(Packer packer, StringBuilder lines, String key, Rates rates) {
    gauge(lines, key, ".m1", rates.oneMinuteRate());
    gauge(lines, key, ".m5", rates.fiveMinuteRate());
    gauge(lines, key, ".m15", rates.fifteenMinuteRate());
    packer.add(lines, null, 0);
  }

  private static void distribution(Packer packer, StringBuilder lines, String key,
      Snapshot window, double unit) {
    gauge(lines, key, ".min", window.getMin() / unit);
    gauge(lines, key, ".max", window.getMax() / unit);
    gauge(lines, key, ".mean", window.getMean() / unit);
    gauge(lines, key, ".stddev", window.getStdDev() / unit);
    packer.add(lines, null, 0);
    for (int i = 0; i < QUANTILES.length; i++) {
      gauge(lines, key, "." + QUANTILE_KEYS[i], window.getQuantile(QUANTILES[i]) / unit);
    }
    packer.add(lines, null, 0);
  }

  private static void gauge(StringBuilder lines, String key, String suffix, double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    if (value < 0) {
      // StatsD reads "-5" as "subtract 5" from a non-zero gauge: reset to 0 first.
      lines.append(key).append(suffix).append(":0|g\n");
    }
    lines.append(key).append(suffix).append(':');
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      lines.append((long) value);
    } else {
      lines.append(value);
    }
    lines.append("|g\n");
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

  /** One datagram: its lines and the counts it delivers. */
  static final class Datagram {
    final StringBuilder payload = new StringBuilder(MAX_PAYLOAD_BYTES);
    final Map<String, Long> counts = new HashMap<>();
  }

  /**
   * Packs groups of lines into datagrams of at most {@link #MAX_PAYLOAD_BYTES}: a group (a
   * negative gauge's two lines, a count) never straddles two datagrams.
   */
  private static final class Packer {

    private final List<Datagram> datagrams = new ArrayList<>();
    private Datagram current;
    private int currentBytes;

    /** Adds the lines in {@code group} (then clears it), delivering {@code count} of a name. */
    void add(StringBuilder group, String name, long count) {
      int bytes = utf8Length(group);
      if (bytes > 0) {
        if (current == null || currentBytes + bytes > MAX_PAYLOAD_BYTES) {
          current = new Datagram();
          datagrams.add(current);
          currentBytes = 0;
        }
        current.payload.append(group);
        currentBytes += bytes;
      }
      if (name != null) {
        if (current == null) {
          current = new Datagram();
          datagrams.add(current);
        }
        current.counts.put(name, count);
      }
      group.setLength(0);
    }

    List<Datagram> finish() {
      for (Datagram datagram : datagrams) {
        int length = datagram.payload.length();
        if (length > 0 && datagram.payload.charAt(length - 1) == '\n') {
          datagram.payload.setLength(length - 1);
        }
      }
      datagrams.removeIf(d -> d.payload.length() == 0 && d.counts.isEmpty());
      return datagrams;
    }

    private static int utf8Length(CharSequence text) {
      int bytes = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      }
      return bytes;
    }
  }
}
