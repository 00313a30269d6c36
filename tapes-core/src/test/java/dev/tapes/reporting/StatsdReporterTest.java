package dev.tapes.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.FreePort;
import dev.tapes.testkit.LogCapture;
import dev.tapes.testkit.StatsdDaemon;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Against the reference StatsD daemon (npm statsd), started on loopback by the testkit. */
class StatsdReporterTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);

  @Test
  void counterTotalsAfterSeveralReportsEqualTheTrueCounts() throws Exception {
    long seed = 7;
    Random random = new Random(seed);
    try (StatsdDaemon statsd = StatsdDaemon.start()) {
      StatsdReporter reporter = new StatsdReporter(INTERVAL, statsd.getHost(), statsd.getPort(),
          "app", registry);
      long meterTotal = 0;
      long timerTotal = 0;
      long histogramTotal = 0;
      for (int report = 0; report < 6; report++) {
        int marks = random.nextInt(50);
        registry.meter("jobs.done").mark(marks);
        meterTotal += marks;
        int calls = random.nextInt(20);
        for (int i = 0; i < calls; i++) {
          registry.timer("my.http.endpoints.WidgetResource.latency")
              .update(Duration.ofMillis(1 + random.nextInt(100)));
        }
        timerTotal += calls;
        int values = random.nextInt(20);
        for (int i = 0; i < values; i++) {
          registry.histogram("payload.bytes").update(random.nextInt(10_000));
        }
        histogramTotal += values;
        clock.advance(Duration.ofSeconds(5));
        reporter.report();
      }

      Map<String, Double> expected = Map.of(
          "app.jobs.done.count", (double) meterTotal,
          "app.my.http.endpoints.WidgetResource.latency.count", (double) timerTotal,
          "app.payload.bytes.count", (double) histogramTotal);
      Await.until(() -> statsd.counters().entrySet().containsAll(expected.entrySet()), DEADLINE,
          () -> "seed " + seed + ": " + expected + " in " + statsd.counters());
    }
  }

  @Test
  void computedValuesAreGaugesTimingsInMillisecondsNegativesIncluded() throws Exception {
    try (StatsdDaemon statsd = StatsdDaemon.start()) {
      StatsdReporter reporter = new StatsdReporter(INTERVAL, statsd.getHost(), statsd.getPort(),
          null, registry);
      registry.timer("t").update(Duration.ofMillis(20));
      registry.counter("jobs.inFlight").increment(5);
      registry.histogram("delta").update(-40);
      registry.gauge("pool.broken", () -> Double.NaN);
      registry.gauge("odd:name|x", () -> 1.5);
      reporter.report();
      Await.until(() -> statsd.gauges().get("jobs.inFlight") == 5.0, DEADLINE,
          () -> "jobs.inFlight 5 in " + statsd.gauges());

      registry.counter("jobs.inFlight").decrement(8);
      reporter.report();

      Await.until(() -> statsd.gauges().get("jobs.inFlight") == -3.0, DEADLINE,
          () -> "jobs.inFlight -3 in " + statsd.gauges());
      Map<String, Double> gauges = statsd.gauges();
      assertThat(gauges).containsEntry("t.max", 20.0).containsEntry("t.q50", 20.0)
          .containsEntry("t.min", 20.0).containsEntry("t.m1", 0.0)
          .containsEntry("delta.min", -40.0).containsEntry("delta.q99", -40.0)
          .containsEntry("odd_name_x", 1.5)
          .doesNotContainKey("pool.broken");
      assertThat(statsd.counters()).containsEntry("t.count", 1.0)
          .containsEntry("statsd.bad_lines_seen", 0.0);
      assertThat(statsd.timers()).isEmpty();
    }
  }

  @Test
  void linesAreBatchedIntoDatagramsUnderTheSafePayloadSize() throws Exception {
    for (int i = 0; i < 200; i++) {
      registry.timer("service.Endpoint" + i + ".latency").update(Duration.ofMillis(i + 1));
    }
    try (StatsdDaemon statsd = StatsdDaemon.start()) {
      StatsdReporter reporter = new StatsdReporter(INTERVAL, statsd.getHost(), statsd.getPort(),
          "app", registry);
      List<StatsdReporter.Datagram> datagrams = reporter.datagrams();
      long lines = 0;
      for (StatsdReporter.Datagram datagram : datagrams) {
        String payload = datagram.text();
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
            .isLessThanOrEqualTo(StatsdReporter.MAX_PAYLOAD_BYTES);
        assertThat(payload).doesNotStartWith("\n").doesNotEndWith("\n");
        lines += payload.split("\n").length;
      }
      assertThat(datagrams.size()).isGreaterThan(10);
      double before = statsd.counters().get("statsd.metrics_received");

      reporter.report();

      long expectedLines = lines;
      Await.until(() -> statsd.counters().get("statsd.metrics_received") - before
          == expectedLines, DEADLINE, () -> expectedLines + " lines in " + statsd.counters());
      for (int i = 0; i < 200; i++) {
        assertThat(statsd.counters()).containsEntry("app.service.Endpoint" + i + ".latency.count",
            1.0);
      }
    }
  }

  @Test
  void aLineTooLongForAnyDatagramIsLeftOutOnceAndTheRestKeepsItsExactCounts() throws Exception {
    String absurd = "x".repeat(70_000);
    try (StatsdDaemon statsd = StatsdDaemon.start();
        LogCapture log = LogCapture.of(StatsdReporter.class)) {
      StatsdReporter reporter = new StatsdReporter(INTERVAL, statsd.getHost(), statsd.getPort(),
          "app", registry);
      for (int report = 0; report < 3; report++) {
        registry.meter(absurd).mark();
        for (int i = 0; i < 150; i++) {
          registry.meter("jobs.kind" + i).mark(); // several datagrams before and after it
        }
        registry.meter("zz.last").mark();
        reporter.report();
      }

      Await.until(() -> statsd.counters().getOrDefault("app.zz.last.count", 0.0) == 3.0,
          DEADLINE, () -> "app.zz.last.count 3 in " + statsd.counters());
      assertThat(statsd.counters()).as("sent once each, never again")
          .containsEntry("app.jobs.kind0.count", 3.0).containsEntry("app.jobs.kind149.count", 3.0);
      assertThat(log.messages(Level.WARNING)).hasSize(1).first().asString()
          .contains("leaves out the lines of metric 'xxx");
    }
  }

  @Test
  void anUnreachableDaemonIsLoggedOnceAndNothingIsLostOnceItIsBack() throws Exception {
    int port = FreePort.udp();
    StatsdReporter reporter = new StatsdReporter(INTERVAL, "127.0.0.1", port, "app", registry);
    try (LogCapture log = LogCapture.of(ScheduledReporter.class)) {
      registry.meter("jobs").mark(3);
      reporter.reportSafely();
      registry.meter("jobs").mark(4);
      reporter.reportSafely();
      reporter.reportSafely();
      assertThat(log.messages(Level.WARNING)).hasSize(1).first().asString()
          .contains("StatsdReporter to 127.0.0.1:" + port + " failed");

      try (StatsdDaemon statsd = StatsdDaemon.start(port)) {
        registry.meter("jobs").mark(5);
        reporter.reportSafely();

        Await.until(() -> statsd.counters().getOrDefault("app.jobs.count", 0.0) == 12.0,
            DEADLINE, () -> "app.jobs.count 12 in " + statsd.counters());
        assertThat(log.messages(Level.INFO)).hasSize(1).first().asString()
            .contains("recovered after 3 failed report(s)");
      }
    }
  }

  @Test
  void anUnresolvableHostIsAFaultNotACrash() {
    StatsdReporter reporter = new StatsdReporter(INTERVAL, "statsd.invalid", 8125, "", registry);
    try (LogCapture log = LogCapture.of(ScheduledReporter.class)) {
      reporter.reportSafely();
      reporter.reportSafely();

      assertThat(log.messages(Level.WARNING)).hasSize(1).first().asString()
          .contains("statsd.invalid");
    }
  }

  @Test
  void scheduledReportsReachTheDaemonUntilStopped() {
    try (StatsdDaemon statsd = StatsdDaemon.start();
        StatsdReporter reporter = new StatsdReporter(Duration.ofMillis(20), statsd.getHost(),
            statsd.getPort(), "app", registry)) {
      registry.meter("jobs").mark(2);
      reporter.start();

      Await.until(() -> statsd.counters().getOrDefault("app.jobs.count", 0.0) == 2.0, DEADLINE,
          () -> "app.jobs.count 2 in " + statsd.counters());
      reporter.stop();
      reporter.stop();
      assertThat(reporter.isRunning()).isFalse();
    }
  }
}
