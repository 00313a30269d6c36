package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.cdi.example.WidgetResource;
import dev.tapes.testkit.Await;
import jakarta.enterprise.inject.se.SeContainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.naming.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reporters configured by system properties start with the container and stop with it, and no
 * tapes thread outlives it (not even the global registry's heartbeat). The application uses the
 * global registry, which outlives each container: a new StatsD reporter first sends a meter's
 * whole count, so the totals received equal the meter's count, earlier tests' events included.
 */
class ReportingLifecycleTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final String ERRORS = "shop.my.http.endpoints.WidgetResource.error_rate.count";

  private final List<String> properties = new ArrayList<>();

  @AfterEach
  void clearProperties() {
    properties.forEach(System::clearProperty);
    TestNaming.managedExecutor = null;
  }

  private void set(String key, String value) {
    properties.add(key);
    System.setProperty(key, value);
  }

  private void reportToStatsd(UdpReceiver statsd, String interval) {
    set("tapes.reporters", "statsd");
    set("tapes.statsd.host", "127.0.0.1");
    set("tapes.statsd.port", String.valueOf(statsd.port()));
    set("tapes.statsd.prefix", "shop");
    set("tapes.report.interval", interval);
  }

  private static List<String> tapesThreads() {
    List<String> names = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && thread.getName().startsWith("tapes-")) {
        names.add(thread.getName());
      }
    }
    return names;
  }

  private static void awaitNoTapesThread() {
    Await.until(() -> tapesThreads().isEmpty(), DEADLINE,
        () -> "no tapes thread after shutdown, but " + tapesThreads());
  }

  @Test
  void statsdReportsWhileTheApplicationRunsAndNoThreadOutlivesIt() throws Exception {
    try (UdpReceiver statsd = new UdpReceiver()) {
      reportToStatsd(statsd, "100ms");
      try (SeContainer container = Containers.start(WidgetResource.class)) {
        assertThat(tapesThreads()).contains(ReportingLifecycle.THREAD_NAME);
        WidgetResource widgets = container.select(WidgetResource.class).get();
        long errors = widgets.errorRate().getCount() + 3;
        for (int i = 0; i < 3; i++) {
          widgets.handle(true);
        }
        Await.until(() -> statsd.counterTotal(ERRORS) == errors, DEADLINE,
            () -> errors + " errors reported, got " + statsd.counterTotal(ERRORS));
      }
      awaitNoTapesThread();
    }
  }

  @Test
  void theLastReportAtShutdownDeliversWhatTheIntervalHadNotYet() throws Exception {
    long errors;
    try (UdpReceiver statsd = new UdpReceiver()) {
      reportToStatsd(statsd, "1h");
      try (SeContainer container = Containers.start(WidgetResource.class)) {
        WidgetResource widgets = container.select(WidgetResource.class).get();
        errors = widgets.errorRate().getCount() + 5;
        for (int i = 0; i < 5; i++) {
          widgets.handle(true);
        }
        assertThat(statsd.lines()).isEmpty();
      }
      long expected = errors;
      Await.until(() -> statsd.counterTotal(ERRORS) == expected, DEADLINE,
          () -> expected + " errors in the last report, got " + statsd.counterTotal(ERRORS));
      awaitNoTapesThread();
    }
  }

  @Test
  void theStreamReporterWritesJsonLinesToStandardOutput() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream standardOutput = System.out;
    set("tapes.reporters", "stream");
    set("tapes.stream.interval", "50ms");
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (SeContainer container = Containers.start(WidgetResource.class)) {
      container.select(WidgetResource.class).get().handle(false);
      Await.until(() -> captured.toString(StandardCharsets.UTF_8)
          .contains("\"WidgetResource\":{\"error_rate\":{\"count\":"), DEADLINE,
          () -> "a JSON report on standard output");
    } finally {
      System.setOut(standardOutput);
    }
    awaitNoTapesThread();
    String last = captured.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    assertThat(last).endsWith("}").contains("\"latency\":{\"count\":");
  }

  @Test
  void reportersRunOnTheContainersManagedExecutorWhenThereIsOne() throws Exception {
    ScheduledThreadPoolExecutor managed = new ScheduledThreadPoolExecutor(1,
        task -> new Thread(task, "managed-scheduler"));
    managed.setRemoveOnCancelPolicy(true);
    TestNaming.managedExecutor = managed;
    set(Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
    try (UdpReceiver statsd = new UdpReceiver()) {
      reportToStatsd(statsd, "100ms");
      try (SeContainer container = Containers.start(WidgetResource.class)) {
        container.select(WidgetResource.class).get().handle(true);
        Await.until(() -> statsd.counterTotal(ERRORS) > 0, DEADLINE,
            () -> "a report from the managed executor");
        // A run counts as completed only once it returns, after its datagrams have left.
        Await.until(() -> managed.getCompletedTaskCount() > 0, DEADLINE,
            () -> "a completed run on the managed executor");
        assertThat(tapesThreads()).doesNotContain(ReportingLifecycle.THREAD_NAME);
      }
      // The container's executor is the container's: our schedule is gone, the executor is not.
      assertThat(managed.isShutdown()).isFalse();
      assertThat(managed.getQueue()).isEmpty();
      awaitNoTapesThread();
    } finally {
      managed.shutdownNow();
    }
  }

  @Test
  void withoutReportersConfiguredNoReporterThreadStarts() {
    try (SeContainer container = Containers.start(WidgetResource.class)) {
      container.select(WidgetResource.class).get().handle(false);
      assertThat(tapesThreads()).doesNotContain(ReportingLifecycle.THREAD_NAME);
    }
    awaitNoTapesThread();
  }

  @Test
  void outsideAServerNoManagedExecutorIsFound() {
    assertThat(ManagedExecutors.lookUp()).isNull();
  }
}
