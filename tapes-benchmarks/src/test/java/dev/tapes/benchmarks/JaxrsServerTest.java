package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Each server of the JAX-RS stage answers real HTTP requests, and the instrumented ones time
 * every request: a server whose instrumentation silently did nothing would flatter it.
 */
class JaxrsServerTest {

  private static final int REQUESTS = 5;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theUninstrumentedServerAnswers() throws Exception {
    assertThat(requestsTimed(JaxrsServer.Mode.PLAIN)).isEqualTo(-1);
  }

  @Test
  void tapesTimesEveryRequest() throws Exception {
    assertThat(requestsTimed(JaxrsServer.Mode.TAPES)).isEqualTo(REQUESTS);
  }

  @Test
  void dropwizardTimesEveryRequest() throws Exception {
    assertThat(requestsTimed(JaxrsServer.Mode.DROPWIZARD)).isEqualTo(REQUESTS);
  }

  private long requestsTimed(JaxrsServer.Mode mode) throws Exception {
    JaxrsServer server = JaxrsServer.start(mode);
    try {
      URI hello = URI.create("http://127.0.0.1:" + server.port() + "/hello");
      for (int i = 0; i < REQUESTS; i++) {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(hello).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
      }
      // The server may record a request just after its response left: poll, with a deadline.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (mode != JaxrsServer.Mode.PLAIN && server.timedRequests() < REQUESTS
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(1_000_000);
      }
      return server.timedRequests();
    } finally {
      server.stop();
    }
  }
}
