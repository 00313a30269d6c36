package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.ManualClock;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Garbage, truncated and corrupted frames never crash the aggregator nor touch its state:
 * each is counted as rejected. Seeded; the seed is in every failure message.
 */
class WireFuzzTest {

  private static final long SEED = 0x7A9E5L;
  private static final int FRAMES = 120_000;

  @Test
  void fuzzedFramesAreRejectedOneByOneAndLeaveTheTotalsAlone() {
    SplittableRandom random = new SplittableRandom(SEED);
    ManualClock clock = new ManualClock();
    RegistryAggregator aggregator = RegistryAggregator.builder().clock(clock).build();
    List<byte[]> genuine = genuineFrames(clock);
    genuine.forEach(aggregator::accept);
    List<MetricSnapshot> before = clusterView(aggregator);

    for (int i = 0; i < FRAMES; i++) {
      byte[] base = genuine.get(random.nextInt(genuine.size()));
      byte[] fuzzed = switch (i % 4) {
        case 0 -> randomBytes(random);
        case 1 -> Arrays.copyOf(base, random.nextInt(base.length));
        case 2 -> flipped(base, random);
        default -> garbageWithMagic(random);
      };
      long rejectedBefore = i % 1_000 == 0
          ? Views.counter(aggregator.registry(), RegistryAggregator.FRAMES_REJECTED) : -1;
      aggregator.accept(fuzzed);
      if (rejectedBefore >= 0) {
        // Checked every thousand frames: reading the view for each would dominate the run.
        assertThat(Views.counter(aggregator.registry(), RegistryAggregator.FRAMES_REJECTED))
            .as("seed %d, frame %d", SEED, i).isEqualTo(rejectedBefore + 1);
      }
    }

    assertThat(Views.counter(aggregator.registry(), RegistryAggregator.FRAMES_REJECTED))
        .as("seed %d", SEED).isEqualTo(FRAMES);
    assertThat(clusterView(aggregator)).as("seed %d", SEED).isEqualTo(before);
  }

  @Test
  void checksummedHostileFramesNeverCrashAndNeverTouchAnotherProcess() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    ManualClock clock = new ManualClock();
    RegistryAggregator aggregator = RegistryAggregator.builder().clock(clock).build();
    List<byte[]> genuine = genuineFrames(clock);
    genuine.forEach(aggregator::accept);
    List<MetricSnapshot> genuineView = aggregator.registry().snapshot().metrics().stream()
        .filter(m -> m.name().startsWith("app.")).toList();
    byte[] hostileBase = hostileTemplate(clock);

    int frames = 20_000;
    for (int i = 0; i < frames; i++) {
      // A peer that computes checksums: mutated bodies with a valid CRC.
      byte[] mutated = hostileBase.clone();
      for (int n = random.nextInt(1, 6); n > 0; n--) {
        mutated[random.nextInt(mutated.length - 4)] = (byte) random.nextInt(256);
      }
      aggregator.accept(Frames.resealed(mutated));
    }

    ClusterMetrics view = aggregator.registry();
    long seen = Views.counter(view, RegistryAggregator.FRAMES_ACCEPTED)
        + Views.counter(view, RegistryAggregator.FRAMES_REJECTED)
        + Views.counter(view, RegistryAggregator.FRAMES_STALE);
    assertThat(seen).as("seed %d", SEED + 1).isEqualTo(genuine.size() + frames);
    assertThat(Views.counter(view, RegistryAggregator.FRAMES_REJECTED)).as("seed %d", SEED + 1)
        .isGreaterThan(frames / 2);
    assertThat(view.snapshot().metrics().stream().filter(m -> m.name().startsWith("app.")))
        .as("seed %d", SEED + 1).containsExactlyElementsOf(genuineView);
    assertThat(view.getStats()).isNotEmpty();
  }

  /** The merged view without the aggregator's own metrics, which count the fuzzing. */
  private static List<MetricSnapshot> clusterView(RegistryAggregator aggregator) {
    return aggregator.registry().snapshot().metrics().stream()
        .filter(m -> !m.name().startsWith("tapes.aggregator.")).toList();
  }

  /** Frames of three genuine processes, a few flushes each. */
  private static List<byte[]> genuineFrames(ManualClock clock) {
    List<byte[]> frames = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      DistributedRegistry proxy = DistributedRegistry.builder("tcp://127.0.0.1:1")
          .clock(clock).processName("genuine-" + p).build();
      for (int flush = 0; flush < 3; flush++) {
        Workloads.recordMixed(proxy, SEED * 31 + p * 7 + flush);
        clock.advance(Duration.ofSeconds(1));
        frames.add(proxy.nextFrame(false));
      }
    }
    return frames;
  }

  /** A state message of a separate process under separate names, for mutation. */
  private static byte[] hostileTemplate(ManualClock clock) {
    DistributedRegistry proxy = DistributedRegistry.builder("tcp://127.0.0.1:1")
        .clock(clock).processName("hostile").build();
    proxy.counter("zz.count").increment(12345);
    proxy.meter("zz.meter").mark(77);
    for (long v = 1; v < 100_000; v *= 3) {
      proxy.timer("zz.timer").update(v);
      proxy.histogram("zz.histogram").update(-v);
    }
    proxy.gauge("zz.gauge", () -> 4.5);
    return proxy.nextFrame(false);
  }

  private static byte[] randomBytes(SplittableRandom random) {
    byte[] bytes = new byte[random.nextInt(0, 512)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** 1 to 8 distinct bits flipped (a bit flipped twice would restore the frame). */
  private static byte[] flipped(byte[] frame, SplittableRandom random) {
    byte[] copy = frame.clone();
    java.util.Set<Integer> bits = new java.util.HashSet<>();
    for (int n = random.nextInt(1, 9); bits.size() < n; ) {
      bits.add(random.nextInt(copy.length * 8));
    }
    for (int bit : bits) {
      copy[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    return copy;
  }

  /** Random bytes behind a valid header: gets past the magic, fails further in. */
  private static byte[] garbageWithMagic(SplittableRandom random) {
    byte[] bytes = randomBytes(random);
    byte[] frame = new byte[bytes.length + 5];
    frame[0] = 'T';
    frame[1] = 'P';
    frame[2] = 'D';
    frame[3] = WireCodec.VERSION;
    frame[4] = WireCodec.KIND_STATE;
    System.arraycopy(bytes, 0, frame, 5, bytes.length);
    return frame;
  }
}
