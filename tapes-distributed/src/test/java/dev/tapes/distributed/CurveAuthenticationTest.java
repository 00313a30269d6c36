package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only proxies holding an allowed CURVE key can publish to a CURVE aggregator. */
class CurveAuthenticationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Duration NEVER = Duration.ofHours(1);

  private final CurveKeyPair server = CurveKeyPair.generate();
  private final CurveKeyPair allowed = CurveKeyPair.generate();
  private final CurveKeyPair stranger = CurveKeyPair.generate();
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void anAllowedKeyPublishesAndOthersAreRefused() {
    RegistryAggregator aggregator = RegistryAggregator.builder().endpoint("tcp://127.0.0.1:*")
        .curve(server.secretKey(), List.of(allowed.publicKey())).build();
    opened.add(aggregator);
    aggregator.start();
    ClusterMetrics view = aggregator.registry();

    DistributedRegistry intruder = proxy(DistributedRegistry.builder(aggregator.getEndpoint())
        .curve(server.publicKey(), stranger));
    intruder.counter("intruder.count").increment(666);
    intruder.connect();
    intruder.flush();
    DistributedRegistry plain = proxy(DistributedRegistry.builder(aggregator.getEndpoint()));
    plain.counter("plain.count").increment(13);
    plain.connect();
    plain.flush();
    Await.until(() -> Views.counter(view, RegistryAggregator.AUTH_DENIED) >= 1, WAIT,
        () -> "the stranger's key was never refused");

    DistributedRegistry member = proxy(DistributedRegistry.builder(aggregator.getEndpoint())
        .curve(server.publicKey(), allowed));
    member.counter("member.count").increment(7);
    member.connect();
    member.flush();
    Await.until(() -> Views.counter(view, "member.count") == 7, WAIT, () -> "member never arrived");
    intruder.flush();
    plain.flush();
    member.counter("member.count").increment(1);
    member.flush();
    Await.until(() -> Views.counter(view, "member.count") == 8, WAIT, () -> "member stopped");

    assertThat(Views.metric(view, "intruder.count")).isEmpty();
    assertThat(Views.metric(view, "plain.count")).isEmpty();
    assertThat(Views.counter(view, RegistryAggregator.FRAMES_ACCEPTED)).isEqualTo(2);
  }

  @Test
  void malformedKeysAreRefusedUpFront() {
    assertThatThrownBy(() -> RegistryAggregator.builder().curve("short", List.of(
        allowed.publicKey()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("40 characters");
    assertThatThrownBy(() -> RegistryAggregator.builder().curve(server.secretKey(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new CurveKeyPair(allowed.publicKey(), "~".repeat(40)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not Z85");
    assertThat(allowed.toString()).doesNotContain(allowed.secretKey());
  }

  private DistributedRegistry proxy(DistributedRegistry.Builder builder) {
    DistributedRegistry proxy = builder.flushInterval(NEVER).closeTimeout(Duration.ZERO)
        .closeOnShutdown(false).build();
    opened.add(proxy);
    return proxy;
  }
}
