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
