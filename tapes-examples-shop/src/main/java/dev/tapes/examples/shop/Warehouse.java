package dev.tapes.examples.shop;

import dev.tapes.cdi.MeteredClass;
import dev.tapes.cdi.Timed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A service bean, not a resource: {@code @Timed} times its method through an interceptor. */
@MeteredClass("shop.{}")
@ApplicationScoped
public class Warehouse {

  private ScheduledExecutorService shipping;

  /**
   * Our own thread, ended with the application. Not {@code CompletableFuture.delayedExecutor}:
   * the JDK's shared delay thread, if a request starts it, keeps that application's class
   * loader for the life of the server.
   */
  @PostConstruct
  void start() {
    shipping = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "shop-warehouse");
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stop() {
    shipping.shutdownNow();
  }

  /**
   * Ships an order a few milliseconds later. Timed as {@code shop.Warehouse.ship} until the
   * returned stage completes, not until the method returns.
   */
  @Timed
  public CompletionStage<Order> ship(Order order) {
    // Stands for a call to another system; the request thread is not held meanwhile.
    CompletableFuture<Order> shipped = new CompletableFuture<>();
    shipping.schedule(() -> shipped.complete(order.shipped()),
        ThreadLocalRandom.current().nextLong(5, 40), TimeUnit.MILLISECONDS);
    return shipped;
  }
}
