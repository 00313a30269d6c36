package dev.tapes.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.Tapes;
import dev.tapes.Timer;
import dev.tapes.testkit.Await;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Plain Jersey with no CDI on the class path and {@code new TapesFeature()} as a user registers
 * it: metrics go to {@link Tapes#registry()}, on the real clock.
 */
class GlobalRegistryTest {

  @Test
  void thisRunHasNoCdi() {
    assertThatThrownBy(() -> Class.forName("jakarta.enterprise.inject.spi.CDI"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aResourceThatSleeps50msShowsAMedianOf50msOnTheGlobalRegistry() {
    try (JerseyServer server = JerseyServer.start(
        new ResourceConfig(SleepingResource.class).register(new TapesFeature()))) {
      for (int i = 0; i < 5; i++) {
        assertThat(server.get("sleeping").body()).isEqualTo("slept");
      }

      String name = "http.SleepingResource.sleep.latency";
      Await.until(() -> Tapes.registry().getMetrics().get(name) instanceof Timer timer
          && timer.getCount() == 5, Duration.ofSeconds(10));
      Timer latency = (Timer) Tapes.registry().getMetrics().get(name);
      // Generous: the sleep is at least 50 ms; scheduling on a busy machine adds, never removes.
      assertThat(latency.getSnapshot().getQuantile(0.5) / 1e9).isBetween(0.0496, 0.5);
      assertThat(server.get("metrics", "Accept", "text/plain").body())
          .contains("http_sleeping_resource_sleep_latency_seconds_count 5\n");
    }
  }

  @Test
  void theProviderClassesWorkRegisteredOneByOneAsAScanningServerFindsThem() {
    try (JerseyServer server = JerseyServer.start(new ResourceConfig(FailingResource.class,
        ResourceTimingFeature.class, UnhandledExceptionMapper.class, UnmatchedRequestFilter.class,
        MetricsResource.class))) {
      long unmatchedBefore = count("http.unmatched.4xx");

      assertThat(server.get("failing").statusCode()).isEqualTo(500);
      assertThat(server.get("failing/nowhere").statusCode()).isEqualTo(404);

      Await.until(() -> count("http.FailingResource.fail.errors") == 1
          && count("http.FailingResource.fail.responses.5xx") == 1
          && count("http.FailingResource.fail.latency") == 1
          && count("http.unmatched.4xx") == unmatchedBefore + 1, Duration.ofSeconds(10));
      assertThat(server.get("metrics/http/FailingResource", "Accept", "text/plain").body())
          .contains("http_failing_resource_fail_errors_total 1\n");
    }
  }

  private static long count(String name) {
    Object metric = Tapes.registry().getMetrics().get(name);
    return metric instanceof dev.tapes.Meter meter ? meter.getCount()
        : metric instanceof Timer timer ? timer.getCount() : 0;
  }

  /** Fails with an exception no mapper handles. */
  @Path("/failing")
  public static class FailingResource {

    @GET
    public String fail() {
      throw new IllegalStateException("failing on purpose");
    }
  }

  /** Sleeps: the one resource whose duration is real time, as the issue asks. */
  @Path("/sleeping")
  public static class SleepingResource {

    @GET
    public String sleep() throws InterruptedException {
      Thread.sleep(50);
      return "slept";
    }
  }
}
