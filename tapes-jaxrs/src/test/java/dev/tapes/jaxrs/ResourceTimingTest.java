package dev.tapes.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tapes.ManualClock;
import dev.tapes.Meter;
import dev.tapes.Metric;
import dev.tapes.Registry;
import dev.tapes.Timer;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.LogCapture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-method timing on plain Jersey (no CDI) over real HTTP, on a {@link ManualClock} so
 * that every duration is exact: each endpoint of {@link ClockedResource} advances the clock by a
 * known amount exactly where its work happens.
 */
class ResourceTimingTest {

  private static final String PREFIX = "http.ClockedResource.";
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  /** The sketch's bound on the relative error of a quantile. */
  private static final double SKETCH_ERROR = 0.0078;

  private final ManualClock clock = new ManualClock();
  private final Registry registry = new Registry(clock);
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private JerseyServer server;

  @BeforeEach
  void start() {
    server = JerseyServer.start(new ResourceConfig()
        .register(new ClockedResource(clock, executor))
        .register(new ClockedResource.WidgetMissingMapper())
        .register(TapesFeature.builder().registry(registry).build()));
  }

  @AfterEach
  void stop() {
    server.close();
    executor.shutdownNow();
    registry.close();
  }

  @Test
  void synchronousRequestIsTimedAndCountedByStatusClass() {
    HttpResponse<String> response = server.get("clocked/sync");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("sync");
    Timer latency = awaitLatencyCount("sync", 1);
    assertThat(secondsAtMedian(latency)).isCloseTo(0.05, within(0.05 * SKETCH_ERROR));
    assertThat(meter(PREFIX + "sync.responses.2xx").getCount()).isEqualTo(1);
    assertThat(meter(PREFIX + "sync.errors").getCount()).isZero();
    for (String other : new String[] {"1xx", "3xx", "4xx", "5xx"}) {
      assertThat(meter(PREFIX + "sync.responses." + other).getCount()).isZero();
    }
  }

  @Test
  void responseWithoutEntityIsRecordedByTheResponseFilter() {
    assertThat(server.get("clocked/empty").statusCode()).isEqualTo(204);

    awaitLatencyCount("empty", 1);
    assertThat(meter(PREFIX + "empty.responses.2xx").getCount()).isEqualTo(1);
  }

  @Test
  void asyncResponseIsTimedUntilResumed() {
    assertThat(server.get("clocked/async").body()).isEqualTo("async");

    Timer latency = awaitLatencyCount("async", 1);
    assertThat(secondsAtMedian(latency)).isCloseTo(0.2, within(0.2 * SKETCH_ERROR));
    assertThat(meter(PREFIX + "async.responses.2xx").getCount()).isEqualTo(1);
  }

  @Test
  void completionStageIsTimedUntilCompleted() {
    assertThat(server.get("clocked/stage").body()).isEqualTo("stage");

    Timer latency = awaitLatencyCount("stage", 1);
    assertThat(secondsAtMedian(latency)).isCloseTo(0.3, within(0.3 * SKETCH_ERROR));
  }

  @Test
  void streamingOutputIsTimedUntilItsEntityIsWritten() {
    assertThat(server.get("clocked/stream").body()).isEqualTo("first last");

    Timer latency = awaitLatencyCount("stream", 1);
    assertThat(secondsAtMedian(latency)).isCloseTo(0.4, within(0.4 * SKETCH_ERROR));
    assertThat(meter(PREFIX + "stream.responses.2xx").getCount()).isEqualTo(1);
  }

  @Test
  void exceptionMappedByTheApplicationIsCountedByItsStatusNotAsAnError() {
    HttpResponse<String> response = server.get("clocked/mapped");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("no such widget");
    awaitLatencyCount("mapped", 1);
    assertThat(meter(PREFIX + "mapped.responses.4xx").getCount()).isEqualTo(1);
    assertThat(meter(PREFIX + "mapped.errors").getCount()).isZero();
  }

  @Test
  void webApplicationExceptionAnswersItsOwnResponseAndIsNoError() {
    assertThat(server.get("clocked/web").statusCode()).isEqualTo(400);

    awaitLatencyCount("web", 1);
    assertThat(meter(PREFIX + "web.responses.4xx").getCount()).isEqualTo(1);
    assertThat(meter(PREFIX + "web.errors").getCount()).isZero();
  }

  @Test
  void unmappedExceptionIsTimedCountedAsAnErrorAndLogged() {
    try (LogCapture log = LogCapture.of(UnhandledExceptionMapper.class)) {
      HttpResponse<String> response = server.get("clocked/unmapped");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEmpty();
      awaitLatencyCount("unmapped", 1);
      assertThat(meter(PREFIX + "unmapped.responses.5xx").getCount()).isEqualTo(1);
      assertThat(meter(PREFIX + "unmapped.errors").getCount()).isEqualTo(1);
      assertThat(log.records()).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(record.getThrown()).hasMessage("unmapped failure");
        assertThat(record.getMessage()).contains("GET /clocked/unmapped",
            ClockedResource.class.getName() + ".unmapped");
      });
    }
  }

  @Test
  void asyncFailuresAreCountedAsErrors() {
    assertThat(server.get("clocked/async-unmapped").statusCode()).isEqualTo(500);
    assertThat(server.get("clocked/stage-unmapped").statusCode()).isEqualTo(500);

    for (String method : new String[] {"asyncUnmapped", "stageUnmapped"}) {
      awaitLatencyCount(method, 1);
      assertThat(meter(PREFIX + method + ".responses.5xx").getCount()).isEqualTo(1);
      assertThat(meter(PREFIX + method + ".errors").getCount()).isEqualTo(1);
    }
  }

  @Test
  void failureWhileWritingTheEntityIsTimedOnce() {
    assertThat(server.get("clocked/stream-unmapped").statusCode()).isEqualTo(500);

    awaitLatencyCount("streamUnmapped", 1);
    assertThat(meter(PREFIX + "streamUnmapped.errors").getCount()).isEqualTo(1);
  }

  @Test
  void requestsMatchingNoResourceShareOneMeterFamily() {
    assertThat(server.get("nope/42").statusCode()).isEqualTo(404);
    assertThat(server.get("nope/43").statusCode()).isEqualTo(404);
    assertThat(server.send("DELETE", "clocked/sync").statusCode()).isEqualTo(405);

    Await.until(() -> meter("http.unmatched.4xx").getCount() == 3, DEADLINE);
    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.contains("nope"));
    assertThat(meter(PREFIX + "sync.responses.4xx").getCount()).isZero();
  }

  @Test
  void metricsEndpointIsNotTimed() {
    assertThat(server.get("metrics").statusCode()).isEqualTo(200);
    // Jersey's own OPTIONS responder is matched too, though not the application's endpoint.
    assertThat(server.send("OPTIONS", "clocked/sync").statusCode()).isEqualTo(200);

    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.contains("MetricsResource"));
    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.startsWith("http.unmatched"));
  }

  private Timer awaitLatencyCount(String method, long count) {
    String name = PREFIX + method + ".latency";
    Await.until(() -> timer(name).getCount() == count, DEADLINE,
        () -> name + " count " + count + ", saw " + registry.getMetrics().get(name));
    return timer(name);
  }

  private static double secondsAtMedian(Timer timer) {
    return timer.getSnapshot().getQuantile(0.5) / 1e9;
  }

  private Timer timer(String name) {
    return (Timer) metric(name, Timer.class);
  }

  private Meter meter(String name) {
    return (Meter) metric(name, Meter.class);
  }

  /** The registered metric, without creating it: a missing metric fails the test. */
  private Metric metric(String name, Class<? extends Metric> type) {
    Metric metric = registry.getMetrics().get(name);
    assertThat(metric).as(name).isInstanceOf(type);
    return metric;
  }
}
