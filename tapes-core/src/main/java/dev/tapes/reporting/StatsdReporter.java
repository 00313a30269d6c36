package dev.tapes.reporting;

import dev.tapes.SnapshotSource;
import dev.tapes.exposition.StatsdFormat;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The lines are {@link StatsdFormat}'s: counts as increases ({@code |c}) since what the daemon
 * was last sent, every computed value as a gauge ({@code |g}), durations in milliseconds.
 *
 * <p><b>Datagrams</b> hold whole lines (a negative gauge's two lines travel together) and at most
 * {@value #MAX_PAYLOAD_BYTES} bytes, which fits a 1500-byte Ethernet MTU without fragmentation. A
 * line longer than that (a metric with an absurd name) is left out and logged once: it could
 * never be sent, and must not stop the others. The socket is connected, so the operating system
 * reports an unreachable daemon (ICMP port unreachable) as an error; a report that meets one
 * counts none of its increases as delivered, and the next report sends them again. Any other
 * failure part-way through a report counts the datagrams sent before it as delivered, so
 * nothing is ever sent twice. Totals therefore stay exact across a daemon that was down for a
 * while, as far as the network reports losses (UDP gives no other receipt: a datagram dropped
 * silently is lost).
 */
public class StatsdReporter extends ScheduledReporter {

  /** The largest datagram payload sent. */
  public static final int MAX_PAYLOAD_BYTES = 1432;

  private static final System.Logger LOG = System.getLogger(StatsdReporter.class.getName());
  /** Metrics whose lines were too long, each logged once; bounded, as names may be hostile. */
  private static final int MAX_WARNED = 1_000;

  private final String host;
  private final int port;
  private final String prefix;
  /** The count last delivered per metric name. Guarded by {@code this} (report is synchronized). */
  private final Map<String, Long> delivered = new HashMap<>();
  private final Set<String> tooLong = ConcurrentHashMap.newKeySet();
  private DatagramChannel channel;

  /**
   * Reports to the daemon at {@code host:port}, every key starting with {@code prefix} and a dot
   * ({@code null} or empty: no prefix).
   */
  public StatsdReporter(Duration interval, String host, int port, String prefix,
      SnapshotSource registry) {
    this(interval, host, port, prefix, registry, null);
  }

  /** Runs on {@code executor}, for example a container's managed scheduled executor. */
  public StatsdReporter(Duration interval, String host, int port, String prefix,
      SnapshotSource registry, ScheduledExecutorService executor) {
    super(interval, registry, executor);
    this.host = Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be within 1..65535, was " + port);
    }
    this.port = port;
    this.prefix = prefix;
  }

  @Override
  public synchronized void report() throws IOException {
    List<Datagram> datagrams = datagrams();
    int sent = 0;
    try {
      DatagramChannel open = channel();
      for (Datagram datagram : datagrams) {
        if (open.write(ByteBuffer.wrap(datagram.payload())) == 0) {
          throw new IOException("the socket's send buffer is full");
        }
        sent++;
      }
      // A connected UDP socket learns from ICMP that nothing listens; a non-blocking read
      // surfaces that now (PortUnreachableException) rather than at the next report.
      open.read(ByteBuffer.allocate(1));
    } catch (IOException e) {
      closeChannel(); // resolve and connect afresh next time: the daemon may have moved
      // Refused by the daemon's host: nothing of this report arrived. Any other failure is of
      // the datagram it names; those written before it left.
      markDelivered(datagrams, e instanceof PortUnreachableException ? 0 : sent);
      throw new IOException("cannot send to StatsD at " + host + ":" + port + ": " + e, e);
    }
    markDelivered(datagrams, datagrams.size());
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

  /** The current snapshot's lines, packed. */
  List<Datagram> datagrams() {
    Packer packer = new Packer();
    StatsdFormat.write(getRegistry().snapshot(), prefix,
        name -> delivered.getOrDefault(name, 0L), packer::add);
    return packer.finish();
  }

  private void markDelivered(List<Datagram> datagrams, int count) {
    for (int i = 0; i < count; i++) {
      delivered.putAll(datagrams.get(i).counts());
    }
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
        LOG.log(Level.DEBUG, "closing the StatsD channel failed", e);
      }
      channel = null;
    }
  }

  /**
   * One datagram: its payload, and the count totals it delivers by metric name.
   */
  record Datagram(byte[] payload, Map<String, Long> counts) {

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** Packs entries into datagrams of at most {@link #MAX_PAYLOAD_BYTES}, never splitting one. */
  private final class Packer {

    private final List<Datagram> datagrams = new ArrayList<>();
    private final StringBuilder payload = new StringBuilder(MAX_PAYLOAD_BYTES);
    private Map<String, Long> counts = new HashMap<>();
    private int bytes;

    void add(StatsdFormat.Entry entry) {
      byte[] text = entry.text().getBytes(StandardCharsets.UTF_8);
      if (text.length > MAX_PAYLOAD_BYTES) {
        skip(entry, text.length);
        return;
      }
      int needed = bytes == 0 ? text.length : bytes + 1 + text.length;
      if (needed > MAX_PAYLOAD_BYTES) {
        flush();
        needed = text.length;
      }
      if (bytes > 0) {
        payload.append('\n');
      }
      payload.append(entry.text());
      bytes = needed;
      if (entry.carriesCount()) {
        counts.put(entry.metric(), entry.countTotal());
      }
    }

    List<Datagram> finish() {
      flush();
      return datagrams;
    }

    private void flush() {
      if (bytes > 0) {
        datagrams.add(new Datagram(payload.toString().getBytes(StandardCharsets.UTF_8), counts));
        payload.setLength(0);
        counts = new HashMap<>();
        bytes = 0;
      }
    }

    private void skip(StatsdFormat.Entry entry, int length) {
      String metric = entry.metric();
      if (tooLong.size() < MAX_WARNED && tooLong.add(metric)) {
        LOG.log(Level.WARNING, describe() + " leaves out the lines of metric '"
            + metric.substring(0, Math.min(metric.length(), 120))
            + (metric.length() > 120 ? "..." : "") + "': " + length + " bytes, more than a"
            + " datagram holds (" + MAX_PAYLOAD_BYTES + "). Logged once; shorten its name.");
      }
    }
  }
}
