package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded hostile ZMTP input on the aggregator's real port while real proxies keep recording:
 * greetings right and wrong, commands, frame sizes at their limits and past them (0, 1,
 * {@code Integer.MAX_VALUE}, over the frame limit, negative), short, long, truncated frames and
 * garbage, sent at once or paced like a real peer. The proxies' totals must be exact after
 * their last flush, and the transport healthy. The seed is in every failure message.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZmtpFuzzTest {

  private static final long SEED = 0x14_2026L;
  private static final int CONNECTIONS = 1_000;
  private static final long MAX_FRAME_BYTES = 64 << 10;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String[] COMMANDS = {"READY", "PING", "PONG", "ERROR", "HELLO",
      "WELCOME", "INITIATE", "MESSAGE", "SUBSCRIBE", "CANCEL", "JOIN", "X"};

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void hostileZmtpInputLeavesTheProxiesTotalsExact() {
    fuzz(SEED, null, CONNECTIONS);
  }

  @Test
  void hostileZmtpInputBeforeCurveAuthenticationLeavesTheMembersTotalsExact() {
    fuzz(SEED + 1, CurveKeyPair.generate(), CONNECTIONS / 2);
  }

  private void fuzz(long seed, CurveKeyPair server, int connections) {
    RegistryAggregator.Builder settings = RegistryAggregator.builder()
        .endpoint("tcp://127.0.0.1:*").maxFrameBytes(MAX_FRAME_BYTES);
    CurveKeyPair member = CurveKeyPair.generate();
    if (server != null) {
      settings.curve(server.secretKey(), List.of(member.publicKey()));
    }
    RegistryAggregator aggregator = settings.build();
    opened.add(aggregator);
    aggregator.start();
    String endpoint = aggregator.getEndpoint();
    List<DistributedRegistry> proxies = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      DistributedRegistry.Builder builder = DistributedRegistry.builder(endpoint)
          .processName("proxy-" + p).flushInterval(Duration.ofHours(1))
          .closeTimeout(Duration.ofSeconds(10)).closeOnShutdown(false);
      if (server != null) {
        builder.curve(server.publicKey(), member);
      }
      DistributedRegistry proxy = builder.build();
      opened.add(proxy);
      proxy.connect();
      proxies.add(proxy);
    }

    SplittableRandom random = new SplittableRandom(seed);
    String mechanism = server == null ? "NULL" : "CURVE";
    long expected = 0;
    for (int c = 0; c < connections; c++) {
      try (ZmtpPeer peer = ZmtpPeer.connect(endpoint)) {
        attack(peer, random, mechanism);
      }
      DistributedRegistry proxy = proxies.get(c % 2);
      proxy.counter("jobs").increment(c);
      expected += c;
      if (c % 10 == 0) {
        proxy.flush();
      }
    }
    for (DistributedRegistry proxy : proxies) {
      proxy.close();
    }

    ClusterMetrics view = aggregator.registry();
    long total = expected;
    Await.until(() -> Views.counter(view, "jobs") == total
        && ZeroMqTransportTest.live(view) == 0, WAIT,
        () -> "seed " + seed + ": jobs = " + Views.counter(view, "jobs") + ", expected " + total
            + "; " + view.snapshot());
    assertThat(ZeroMqTransportTest.gauge(view, RegistryAggregator.TRANSPORT_HEALTHY))
        .as("seed %d: transport healthy", seed).isOne();
    assertThat(Views.counter(view, RegistryAggregator.TRANSPORT_FAILURES)).as("seed %d", seed)
        .isZero();
    assertThat(Views.counter(view, RegistryAggregator.TRANSPORT_REFUSED))
        .as("seed %d: sizes refused", seed).isPositive();
    assertThat(Views.counter(view, RegistryAggregator.AUTH_DENIED)).as("seed %d", seed)
        .isZero();
  }

  /** One hostile connection: a greeting of some kind, maybe READY, then random frames. */
  private static void attack(ZmtpPeer peer, SplittableRandom random, String mechanism) {
    byte[] greeting = greeting(random, mechanism);
    // Paced only where JeroMQ answers with a whole 3.x greeting, so that the reads never wait.
    boolean paced = greeting.length == ZmtpPeer.GREETING_BYTES && greeting[0] == (byte) 0xFF
        && greeting[10] >= 3 && random.nextBoolean();
    if (paced) {
      // As JeroMQ's own peers do: signature, then the rest once the other side's arrived.
      peer.send(Arrays.copyOf(greeting, 10));
      peer.read(10);
      peer.send(Arrays.copyOfRange(greeting, 10, greeting.length));
      peer.read(ZmtpPeer.GREETING_BYTES - 10);
    } else {
      peer.send(greeting);
    }
    if (mechanism.equals("NULL") && random.nextInt(3) > 0) {
      peer.send(random.nextInt(4) > 0 ? ZmtpPeer.ready() : malformedReady(random));
    }
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int f = 0, n = random.nextInt(1, 6); f < n; f++) {
      stream.writeBytes(frame(random));
    }
    byte[] bytes = stream.toByteArray();
    if (random.nextInt(4) == 0) {
      // Truncated: the connection ends inside a frame.
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
    peer.send(bytes);
  }

  private static byte[] greeting(SplittableRandom random, String mechanism) {
    return switch (random.nextInt(10)) {
      case 0 -> randomBytes(random, random.nextInt(1, 80));
      case 1 -> ZmtpPeer.greeting(random.nextInt(256), mechanism.equals("NULL") ? "CURVE"
          : "NULL");
      case 2 -> {
        // ZMTP 2.0 (revision 1) and 1.0 (no 0xFF signature) peers.
        byte[] old = ZmtpPeer.greeting(0, mechanism);
        old[10] = (byte) random.nextInt(0, 3);
        if (random.nextBoolean()) {
          old[0] = (byte) random.nextInt(0, 255);
        }
        yield Arrays.copyOf(old, random.nextBoolean() ? 12 : 64);
      }
      case 3 -> {
        byte[] odd = ZmtpPeer.greeting(random.nextInt(256), mechanism);
        odd[32] = 1;
        yield odd;
      }
      default -> ZmtpPeer.greeting(random.nextInt(2), mechanism);
    };
  }

  private static byte[] malformedReady(SplittableRandom random) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(5);
    body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
    body.write(random.nextInt(256));
    body.writeBytes(randomBytes(random, random.nextInt(0, 40)));
    return ZmtpPeer.shortFrame(ZmtpPeer.COMMAND, body.toByteArray());
  }

  private static byte[] frame(SplittableRandom random) {
    int flags = random.nextInt(8) | (random.nextInt(8) == 0 ? random.nextInt(256) : 0);
    byte[] body = switch (random.nextInt(4)) {
      case 0 -> command(random);
      case 1 -> new byte[0];
      default -> randomBytes(random, random.nextInt(0, random.nextBoolean() ? 40 : 2_000));
    };
    if ((flags & ZmtpPeer.LONG) == 0 && body.length <= 255 && random.nextBoolean()) {
      return ZmtpPeer.concat(new byte[] {(byte) flags, (byte) body.length}, body);
    }
    long size = switch (random.nextInt(12)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> Integer.MAX_VALUE;
      case 3 -> MAX_FRAME_BYTES + 1 + random.nextInt(1_000);
      case 4 -> -1;
      case 5 -> Long.MIN_VALUE + random.nextInt(100);
      case 6 -> -random.nextLong(1, Long.MAX_VALUE);
      case 7 -> 0xFFFF_FFFF_0000_0000L | random.nextInt();
      case 8 -> Long.MAX_VALUE;
      case 9 -> random.nextLong();
      default -> body.length;
    };
    return ZmtpPeer.concat(ZmtpPeer.longFrameHeader(flags, size), body);
  }

  private static byte[] command(SplittableRandom random) {
    String name = COMMANDS[random.nextInt(COMMANDS.length)];
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(random.nextInt(10) == 0 ? random.nextInt(256) : name.length());
    body.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(randomBytes(random, random.nextInt(0, name.equals("PING") ? 30 : 300)));
    return body.toByteArray();
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
