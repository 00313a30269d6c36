package dev.tapes.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference StatsD daemon (npm package {@code statsd}, pinned to {@value #VERSION}), run
 * by Node.js on 127.0.0.1 for a test, and queried through its management interface.
 *
 * <pre>{@code
 * try (StatsdDaemon statsd = StatsdDaemon.start()) {
 *   // send to statsd.getHost():statsd.getPort() ...
 *   Await.until(() -> statsd.counters().getOrDefault("jobs.count", 0.0) == 5.0, deadline);
 * }
 * }</pre>
 *
 * <p>The daemon has no backend and a flush interval of an hour, so within a test counters
 * accumulate every value received and gauges keep the last one. The package is installed once
 * into {@code ~/.cache/tapes/npm/statsd-VERSION}. The process is stopped by its id on
 * {@link #close()}, and on JVM exit if a test forgets. Node.js must be on the PATH; without it
 * {@link #start()} fails with a message saying so.
 */
public final class StatsdDaemon implements AutoCloseable {

  /** The npm version of statsd the tests run against. */
  public static final String VERSION = "0.9.0";

  private static final System.Logger LOG = System.getLogger(StatsdDaemon.class.getName());
  private static final String HOST = "127.0.0.1";
  private static final String PROBE = "tapes_testkit.ready";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final ChildProcess process;
  private final int port;
  private final int managementPort;

  private StatsdDaemon(ChildProcess process, int port, int managementPort) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
  }

  /** Starts a daemon on a free UDP port and waits until it counts what it receives. */
  public static StatsdDaemon start() {
    return start(FreePort.udp());
  }

  /** Starts a daemon on UDP port {@code port} of 127.0.0.1 and waits until it is ready. */
  public static StatsdDaemon start(int port) {
    try {
      Path node = NpmPackage.requireNode();
      Path statsd = NpmPackage.installed("statsd", VERSION);
      int managementPort = FreePort.tcp();
      Path directory = Files.createTempDirectory("tapes-statsd");
      Path config = directory.resolve("config.js");
      // statsd evaluates its config file as a JavaScript object literal.
      Files.writeString(config, "{\n"
          + "  address: \"" + HOST + "\",\n"
          + "  port: " + port + ",\n"
          + "  mgmt_address: \"" + HOST + "\",\n"
          + "  mgmt_port: " + managementPort + ",\n"
          + "  backends: [],\n"
          + "  flushInterval: 3600000,\n"
          + "  automaticConfigReload: false\n"
          + "}\n", StandardCharsets.UTF_8);
      ChildProcess process = ChildProcess.start(List.of(node.toString(),
          statsd.resolve("stats.js").toString(), config.toString()), directory, "statsd.log",
          STOP_TIMEOUT);
      StatsdDaemon daemon = new StatsdDaemon(process, port, managementPort);
      try {
        daemon.awaitReady();
      } catch (RuntimeException | Error e) {
        daemon.close();
        throw e;
      }
      LOG.log(Level.DEBUG, "statsd " + VERSION + " pid " + process.pid() + " on udp " + HOST + ":"
          + port + ", management tcp " + managementPort);
      return daemon;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the StatsD daemon: " + e.getMessage(), e);
    }
  }

  /** Waits until the management port answers and a probe packet has been counted. */
  private void awaitReady() {
    Await.until(() -> {
      checkAlive();
      // "counters" ends its answer with END, unlike "health"
      return command("counters").contains("statsd.packets_received");
    }, START_TIMEOUT, () -> "statsd management port " + managementPort + "; log:\n" + log());
    try (DatagramSocket socket = new DatagramSocket()) {
      byte[] probe = (PROBE + ":1|c").getBytes(StandardCharsets.US_ASCII);
      DatagramPacket packet = new DatagramPacket(probe, probe.length,
          new InetSocketAddress(HOST, port));
      Await.until(() -> {
        checkAlive();
        send(socket, packet);
        return counters().containsKey(PROBE);
      }, START_TIMEOUT, () -> "statsd to count a probe on udp port " + port + "; log:\n" + log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    command("delcounters " + PROBE);
  }

  private static void send(DatagramSocket socket, DatagramPacket packet) {
    try {
      socket.send(packet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("statsd exited with " + process.exitValue() + "; log:\n"
          + log());
    }
  }

  public String getHost() {
    return HOST;
  }

  /** The UDP port it receives metrics on. */
  public int getPort() {
    return port;
  }

  /** The TCP port of its management interface. */
  public int getManagementPort() {
    return managementPort;
  }

  public long getPid() {
    return process.pid();
  }

  /** Every counter and its total since start (statsd's own {@code statsd.*} counters too). */
  public Map<String, Double> counters() {
    return numbers(command("counters"));
  }

  /** Every gauge and its last value. */
  public Map<String, Double> gauges() {
    return numbers(command("gauges"));
  }

  /** Every timer and the values it received (at most 100 per timer). */
  public Map<String, List<Double>> timers() {
    Map<String, List<Double>> timers = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : InspectParser.parse(command("timers")).entrySet()) {
      List<Double> values = new ArrayList<>();
      for (Object value : (List<?>) entry.getValue()) {
        values.add((Double) value);
      }
      timers.put(entry.getKey(), values);
    }
    return timers;
  }

  private static Map<String, Double> numbers(String answer) {
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : InspectParser.parse(answer).entrySet()) {
      numbers.put(entry.getKey(), (Double) entry.getValue());
    }
    return numbers;
  }

  /** Sends one management command and returns its answer, without the closing END. */
  public String command(String command) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, managementPort), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder answer = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("END")) {
          return answer.toString().trim();
        }
        answer.append(line).append('\n');
      }
      throw new IOException("statsd closed the management connection before END after '"
          + command + "': " + answer);
    } catch (IOException e) {
      throw new UncheckedIOException("statsd management command '" + command + "' failed", e);
    }
  }

  /** What the daemon has printed so far. */
  public String log() {
    return process.log();
  }

  /** Stops the daemon by its process id and waits for it to exit. Idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
