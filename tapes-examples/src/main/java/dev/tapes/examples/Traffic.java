package dev.tapes.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/** A little traffic at one or more shops: a few requests a second, a mix a shop would see. */
final class Traffic implements AutoCloseable {

  /** Relative paths, as often as a shop might get them; {@code cancel} always fails. */
  private static final List<String> MIX = List.of("GET widgets", "GET widgets", "GET widgets/w1",
      "GET widgets/w2", "GET widgets/w9", "GET gadgets", "GET gadgets/g1", "POST orders",
      "POST orders?item=w2&quantity=3", "POST orders?item=g1&quantity=12");

  private final List<URI> shops;
  // HTTP/1.1: after the client's default h2c upgrade offer, Grizzly closed connections the
  // client then reused for a POST, which it does not retry ("header parser received no bytes").
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
      task -> {
        Thread thread = new Thread(task, "demo-traffic");
        thread.setDaemon(true);
        return thread;
      });
  /** Responses by status class (index 1 to 5), and at 0 the requests that got no answer. */
  private final AtomicLongArray answers = new AtomicLongArray(6);

  private Traffic(List<URI> shops) {
    this.shops = List.copyOf(shops);
  }

  /** Sends {@code perSecond} requests a second, each to one of {@code shops} in turn. */
  static Traffic start(List<URI> shops, int perSecond) {
    Traffic traffic = new Traffic(shops);
    traffic.executor.scheduleAtFixedRate(traffic::sendOne, 0, 1_000_000 / perSecond,
        TimeUnit.MICROSECONDS);
    return traffic;
  }

  private void sendOne() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String[] request = random.nextInt(50) == 0
        ? new String[] {"POST", "orders/" + random.nextInt(1000) + "/cancel"}
        : MIX.get(random.nextInt(MIX.size())).split(" ");
    URI shop = shops.get(random.nextInt(shops.size()));
    try {
      HttpResponse<Void> response = client.send(HttpRequest.newBuilder(shop.resolve(request[1]))
          .method(request[0], HttpRequest.BodyPublishers.noBody())
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
      answers.incrementAndGet(Math.min(response.statusCode() / 100, 5));
    } catch (IOException e) {
      answers.incrementAndGet(0); // a worker stopping, say; the next request will tell
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code "120 requests: 98 2xx, 18 4xx, 4 5xx"}. */
  String summary() {
    long total = 0;
    StringBuilder classes = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      long count = answers.get(i);
      total += count;
      if (count > 0) {
        classes.append(classes.length() == 0 ? "" : ", ").append(count).append(' ').append(i)
            .append("xx");
      }
    }
    long unanswered = answers.get(0);
    return total + " requests: " + classes + (unanswered > 0 ? ", " + unanswered + " unanswered"
        : "");
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
