package dev.tapes.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tapes.Meter;
import dev.tapes.Metric;
import dev.tapes.Registry;
import dev.tapes.Tapes;
import dev.tapes.Timer;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.Promtool;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jersey on Grizzly inside Weld SE with tapes-cdi, as an application using CDI runs it:
 * resources are CDI beans, the registry is the application's {@code Registry} bean (here on a
 * manual clock), and a {@code @MeteredClass("shop.{}")} resource's timings sit beside the
 * metrics it injects, under {@code shop.ShopResource.<method>}.
 */
class JerseyOnWeldCdiTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final double SKETCH_ERROR = 0.0078;

  private static SeContainer weld;
  private static JerseyServer server;
  private static Registry registry;

  @BeforeAll
  static void start() {
    weld = SeContainerInitializer.newInstance().initialize();
    registry = weld.select(Registry.class).get();
    server = JerseyServer.start(new ResourceConfig(ShopResource.class, PlainBeanResource.class)
        .register(ShopResource.SoldOutMapper.class)
        .register(new TapesFeature()));
  }

  @AfterAll
  static void stop() {
    server.close();
    weld.close();
  }

  @Test
  void metricsGoToTheApplicationsRegistryBean() {
    assertThat(registry).isNotSameAs(Tapes.registry());
    long before = countOf("http.PlainBeanResource.get.latency");

    assertThat(server.get("plain").body()).isEqualTo("plain");

    awaitLatencyCount("http.PlainBeanResource.get", before + 1);
    assertThat(Tapes.registry().getMetrics().keySet())
        .noneMatch(name -> name.startsWith("http.PlainBeanResource") || name.startsWith("shop."));
  }

  @Test
  void meteredClassResourceIsTimedBesideItsOwnMetrics() {
    assertThat(server.get("shop/sync").body()).isEqualTo("sync");

    Timer latency = awaitLatencyCount("shop.ShopResource.sync", 1);
    assertThat(seconds(latency)).isCloseTo(0.05, within(0.05 * SKETCH_ERROR));
    assertThat(((Timer) metric("shop.ShopResource.checkout")).getCount()).isEqualTo(1);
    assertThat(meter("shop.ShopResource.sync.responses.2xx").getCount()).isEqualTo(1);
  }

  @Test
  void asyncResponseAndCompletionStageAreTimedUntilResumed() {
    assertThat(server.get("shop/async").body()).isEqualTo("async");
    assertThat(server.get("shop/stage").body()).isEqualTo("stage");

    assertThat(seconds(awaitLatencyCount("shop.ShopResource.async", 1)))
        .isCloseTo(0.2, within(0.2 * SKETCH_ERROR));
    assertThat(seconds(awaitLatencyCount("shop.ShopResource.stage", 1)))
        .isCloseTo(0.3, within(0.3 * SKETCH_ERROR));
  }

  @Test
  void streamingOutputIsTimedUntilWritten() {
    assertThat(server.get("shop/stream").body()).isEqualTo("first last");

    assertThat(seconds(awaitLatencyCount("shop.ShopResource.stream", 1)))
        .isCloseTo(0.4, within(0.4 * SKETCH_ERROR));
  }

  @Test
  void mappedAndUnmappedFailuresAreCountedInTheirMeters() {
    assertThat(server.get("shop/mapped").statusCode()).isEqualTo(409);
    assertThat(server.get("shop/unmapped").statusCode()).isEqualTo(500);
    assertThat(server.get("shop/stage-unmapped").statusCode()).isEqualTo(500);

    awaitLatencyCount("shop.ShopResource.mapped", 1);
    assertThat(meter("shop.ShopResource.mapped.responses.4xx").getCount()).isEqualTo(1);
    assertThat(meter("shop.ShopResource.mapped.errors").getCount()).isZero();
    for (String method : new String[] {"unmapped", "stageUnmapped"}) {
      awaitLatencyCount("shop.ShopResource." + method, 1);
      assertThat(meter("shop.ShopResource." + method + ".responses.5xx").getCount()).isEqualTo(1);
      assertThat(meter("shop.ShopResource." + method + ".errors").getCount()).isEqualTo(1);
    }
  }

  @Test
  void unmatchedRequestsAreCountedOnceByStatusClass() {
    long before = countOf("http.unmatched.4xx");

    assertThat(server.get("shop/nothing/here").statusCode()).isEqualTo(404);

    Await.until(() -> meter("http.unmatched.4xx").getCount() == before + 1, DEADLINE);
    assertThat(registry.getMetrics().keySet()).noneMatch(name -> name.contains("nothing"));
  }

  @Test
  void metricsEndpointServesTheApplicationsRegistryInEveryFormat() throws Exception {
    long before = countOf("http.PlainBeanResource.get.latency");
    assertThat(server.get("plain").statusCode()).isEqualTo(200);
    awaitLatencyCount("http.PlainBeanResource.get", before + 1);

    HttpResponse<String> json = server.get("metrics/http/PlainBeanResource");
    HttpResponse<String> text = server.get("metrics", "Accept", "text/plain;version=0.0.4");
    HttpResponse<String> openMetrics =
        server.get("metrics", "Accept", "application/openmetrics-text");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).startsWith("{\"http\":{\"PlainBeanResource\":{\"get\":{\"errors\":");
    assertThat(text.body()).contains("http_plain_bean_resource_get_latency_seconds_count");
    Promtool.Result result = Promtool.get().checkMetrics(text.body());
    assertThat(result.isClean()).as(result.output()).isTrue();
    assertThat(openMetrics.body()).contains("# TYPE shop_shop_resource_sync_latency_seconds")
        .endsWith("# EOF\n");
    assertThat(server.get("metrics", "Accept", "image/png").statusCode()).isEqualTo(406);
    assertThat(server.get("metrics/no/such/tree").statusCode()).isEqualTo(404);
  }

  /**
   * The count of a metric, 0 before it exists. The server is shared by the tests of this class
   * (Weld and Jersey start once), whatever their order.
   */
  private static long countOf(String name) {
    Metric metric = registry.getMetrics().get(name);
    return metric instanceof Meter meter ? meter.getCount()
        : metric instanceof Timer timer ? timer.getCount() : 0;
  }

  private static double seconds(Timer latency) {
    return latency.getSnapshot().getQuantile(0.5) / 1e9;
  }

  private static Timer awaitLatencyCount(String prefix, long count) {
    String name = prefix + ".latency";
    Await.until(() -> registry.getMetrics().get(name) instanceof Timer timer
        && timer.getCount() == count, DEADLINE, () -> name + " count " + count + ", saw "
        + registry.getMetrics().get(name));
    return (Timer) metric(name);
  }

  private static Meter meter(String name) {
    return (Meter) metric(name);
  }

  private static Metric metric(String name) {
    Metric metric = registry.getMetrics().get(name);
    assertThat(metric).as(name).isNotNull();
    return metric;
  }
}
