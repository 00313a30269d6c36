package dev.tapes.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.exposition.ExpositionFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one set of scrape rules every endpoint adapts: role, negotiation, subtree, statuses. */
class ScrapeHandlerTest {

  private final Registry registry = new Registry(new ManualClock());

  ScrapeHandlerTest() {
    registry.counter("my.http.requests").increment(2);
    registry.counter("other.x");
  }

  @Test
  void answersEverythingOrASubtreeInTheNegotiatedFormat() throws Exception {
    ScrapeHandler handler = new ScrapeHandler(registry, null);

    ScrapeResponse all = handler.handle("", null, Caller.ANONYMOUS);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.format()).isEqualTo(ExpositionFormat.JSON);
    assertThat(body(all)).isEqualTo(
        "{\"my\":{\"http\":{\"requests\":{\"value\":2}}},\"other\":{\"x\":{\"value\":0}}}");
    assertThat(all.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("Vary", "Accept").containsEntry("Cache-Control", "no-store");

    ScrapeResponse subtree = handler.handle("my//http/", "text/plain;version=0.0.4",
        Caller.ANONYMOUS);
    assertThat(subtree.format()).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    assertThat(subtree.metrics().metrics()).extracting(MetricSnapshot::name)
        .containsExactly("my.http.requests");
  }

  @Test
  void unknownSubtreesAre404AndUnacceptableFormats406WithWhatIsAvailable() throws Exception {
    ScrapeHandler handler = new ScrapeHandler(registry, null);

    ScrapeResponse missing = handler.handle("my/ht", null, Caller.ANONYMOUS);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(body(missing)).isEqualTo("no metric named 'my.ht' or below it\n");
    assertThat(missing.headers()).containsEntry("Content-Type", ScrapeResponse.TEXT);

    ScrapeResponse refused = handler.handle("", "image/png", Caller.ANONYMOUS);
    assertThat(refused.status()).isEqualTo(406);
    assertThat(body(refused)).contains(ContentNegotiation.AVAILABLE);
  }

  @Test
  void aRoleAnswers401WithoutAUserAnd403WithoutTheRole() {
    ScrapeHandler handler = new ScrapeHandler(registry, "ops");

    ScrapeResponse anonymous = handler.handle("", null, Caller.ANONYMOUS);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"metrics\"");
    assertThat(handler.handle("", null, caller(true, "dev")).status()).isEqualTo(403);
    assertThat(handler.handle("", null, caller(true, "ops")).status()).isEqualTo(200);
    assertThat(new ScrapeHandler(registry, "  ").role()).as("blank: no role").isNull();
  }

  @Test
  void urlPathsBecomeDottedPaths() {
    assertThat(ScrapeHandler.metricPath("my/http")).isEqualTo("my.http");
    assertThat(ScrapeHandler.metricPath("/my//http/")).isEqualTo("my.http");
    assertThat(ScrapeHandler.metricPath("")).isEmpty();
  }

  private static Caller caller(boolean authenticated, String role) {
    return new Caller() {
      @Override
      public boolean isAuthenticated() {
        return authenticated;
      }

      @Override
      public boolean isInRole(String asked) {
        return asked.equals(role);
      }
    };
  }

  private static String body(ScrapeResponse response) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.writeBody(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
