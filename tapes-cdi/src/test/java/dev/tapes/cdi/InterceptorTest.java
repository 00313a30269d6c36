package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.Timer;
import dev.tapes.cdi.example.ClockedRegistry;
import dev.tapes.cdi.example.FastWorker;
import dev.tapes.cdi.example.JobRunner;
import dev.tapes.cdi.example.OrderService;
import dev.tapes.cdi.example.SlowWorker;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Timed}, {@code @Metered}, {@code @Counted} through Weld's real interception. */
class InterceptorTest {

  private SeContainer container;
  private Registry registry;
  private ManualClock clock;

  @BeforeEach
  void start() {
    container = Containers.start(ClockedRegistry.class, OrderService.class, JobRunner.class,
        FastWorker.class, SlowWorker.class);
    registry = container.select(Registry.class).get();
    clock = container.select(ManualClock.class).get();
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @Test
  void aSynchronousMethodIsTimedExactly() {
    OrderService orders = container.select(OrderService.class).get();
    assertThat(orders.place(25)).isEqualTo("placed");
    orders.place(5);
    Timer place = registry.timer("OrderService.place");
    assertThat(place.getCount()).isEqualTo(2);
    assertThat(place.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(25).toNanos());
    assertThat(place.getSnapshot().getMin()).isEqualTo(Duration.ofMillis(5).toNanos());
  }

  @Test
  void anAsynchronousMethodIsTimedUntilItsStageCompletes() {
    OrderService orders = container.select(OrderService.class).get();
    CompletableFuture<String> shipment = new CompletableFuture<>();
    CompletionStage<String> stage = orders.ship(shipment);
    assertThat(stage).isSameAs(shipment);
    Timer ship = registry.timer("orders.OrderService.ship.async");
    clock.advance(Duration.ofMillis(300));
    assertThat(ship.getCount()).isZero();
    shipment.complete("shipped");
    assertThat(ship.getCount()).isEqualTo(1);
    assertThat(ship.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(300).toNanos());
  }

  @Test
  void callsThatThrowAreTimedMeteredAndCounted() {
    OrderService orders = container.select(OrderService.class).get();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> orders.cancel(8)).isInstanceOf(IllegalStateException.class)
          .hasMessage("already shipped");
    }
    assertThat(registry.timer("orders.cancel.latency").getCount()).isEqualTo(3);
    assertThat(registry.timer("orders.cancel.latency").getSnapshot().getMax())
        .isEqualTo(Duration.ofMillis(8).toNanos());
    assertThat(registry.meter("orders.cancel.rate").getCount()).isEqualTo(3);
    assertThat(registry.counter("orders.cancel.calls").getCount()).isEqualTo(3);
  }

  @Test
  void aClassLevelBindingNamesEachBusinessMethod() {
    JobRunner jobs = container.select(JobRunner.class).get();
    jobs.run();
    jobs.run();
    jobs.stop();
    assertThat(registry.meter("jobs.JobRunner.run").getCount()).isEqualTo(2);
    assertThat(registry.meter("jobs.JobRunner.stop").getCount()).isEqualTo(1);
    assertThat(registry.getMetrics().keySet()).filteredOn(name -> name.startsWith("jobs."))
        .containsExactlyInAnyOrder("jobs.JobRunner.run", "jobs.JobRunner.stop");
  }

  @Test
  void aMethodInheritedByTwoBeansHasAMetricPerBean() {
    container.select(FastWorker.class).get().work();
    container.select(FastWorker.class).get().work();
    container.select(SlowWorker.class).get().work();
    assertThat(registry.counter("workers.FastWorker.work").getCount()).isEqualTo(2);
    assertThat(registry.counter("workers.SlowWorker.work").getCount()).isEqualTo(1);
    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.contains("BaseWorker"));
  }
}
