package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.CounterSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.SketchSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  @Test
  void stateMessagesRoundTripEveryMetricType() {
    for (long seed = 1; seed <= 100; seed++) {
      ManualClock clock = new ManualClock();
      Registry registry = new Registry(clock);
      Workloads.recordMixed(registry, seed);
      clock.advance(Duration.ofSeconds(12));
      RegistrySnapshot snapshot = registry.snapshot();
      StateMessage message = new StateMessage(seed * 0x9E3779B97F4A7C15L, seed, seed % 2 == 0,
          "host-" + seed, snapshot);

      StateMessage decoded = decode(WireCodec.encode(message));

      // Exact but for sample weights, which the core renormalises when rebuilding a sample.
      assertThat(decoded).as("seed %d", seed).usingRecursiveComparison()
          .withComparatorForType(WireCodecTest::closeEnough, Double.class)
          .withEqualsForType(Object::equals, SketchSnapshot.class)
          .isEqualTo(message);
      assertThat(decoded.registry().metrics().stream().filter(m -> !m.name().equals("app.legacy")))
          .as("seed %d", seed)
          .containsExactlyElementsOf(snapshot.metrics().stream()
              .filter(m -> !m.name().equals("app.legacy")).toList());
    }
  }

  @Test
  void extremeValuesRoundTrip() {
    RegistrySnapshot snapshot = new RegistrySnapshot(List.of(
        new CounterSnapshot("a", Long.MIN_VALUE), new CounterSnapshot("b", Long.MAX_VALUE),
        new CounterSnapshot("c.d\u00e9j\u00e0.\u65e5\u672c", -1)));
    StateMessage message = new StateMessage(-1, Long.MAX_VALUE, true, "", snapshot);

    assertThat(decode(WireCodec.encode(message))).isEqualTo(message);
  }

  @Test
  void checkpointsRoundTrip() {
    ManualClock clock = new ManualClock();
    Registry registry = new Registry(clock);
    Workloads.recordMixed(registry, 7);
    List<MetricSnapshot> metrics = registry.snapshot().metrics();
    Checkpoint checkpoint = new Checkpoint(List.of(new CounterSnapshot("old.total", 42)),
        Map.of(5L, 9L, -3L, 1L), List.of(
            new Checkpoint.Process(11, "web-1", 3, false,
                metrics.stream().map(m -> new Checkpoint.Entry(3, m)).toList()),
            new Checkpoint.Process(12, "web-2", 8, true, List.of())));

    byte[] frame = WireCodec.encode(checkpoint);
    Checkpoint decoded;
    try {
      decoded = WireCodec.decodeCheckpoint(frame);
    } catch (WireFormatException e) {
      throw new AssertionError(e);
    }
    assertThat(decoded).usingRecursiveComparison()
        .withComparatorForType(WireCodecTest::closeEnough, Double.class)
        .withEqualsForType(Object::equals, SketchSnapshot.class)
        .isEqualTo(checkpoint);
  }

  @Test
  void aStateMessageIsNotACheckpointAndViceVersa() {
    byte[] state = WireCodec.encode(new StateMessage(1, 1, false, "p", RegistrySnapshot.empty()));
    byte[] checkpoint = WireCodec.encode(new Checkpoint(List.of(), Map.of(), List.of()));

    assertThatThrownBy(() -> WireCodec.decodeCheckpoint(state))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("kind");
    assertThatThrownBy(() -> WireCodec.decodeState(checkpoint))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("kind");
  }

  @Test
  void anotherVersionIsRefusedByName() {
    byte[] frame = WireCodec.encode(new StateMessage(1, 1, false, "p", RegistrySnapshot.empty()));
    frame[3] = 1; // what a proxy of the log-linear sketch sends

    assertThatThrownBy(() -> WireCodec.decodeState(Frames.resealed(frame)))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("unsupported version 1");
  }

  @Test
  void everyTruncationIsRefused() {
    ManualClock clock = new ManualClock();
    Registry registry = new Registry(clock);
    Workloads.recordMixed(registry, 3);
    byte[] frame = WireCodec.encode(new StateMessage(1, 1, false, "p", registry.snapshot()));

    for (int length = 0; length < frame.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(frame, length);
      assertThatThrownBy(() -> WireCodec.decodeState(cut)).as("length %d", length)
          .isInstanceOf(WireFormatException.class);
      // Even with a valid checksum over the cut bytes, the body is incomplete.
      if (length > 4) {
        byte[] resealed = Frames.resealed(java.util.Arrays.copyOf(frame, length));
        assertThatThrownBy(() -> WireCodec.decodeState(resealed)).as("resealed %d", length)
            .isInstanceOf(WireFormatException.class);
      }
    }
  }

  @Test
  void namesTheCoreRefusesAreRefusedOnTheWire() {
    List<String> bad = List.of("", ".a", "a.", "a..b", "a b", "a\tb", "a\nb", "a\u0000b",
        "a\u2003b", "\u0085");
    for (String name : bad) {
      assertThatThrownBy(() -> new Registry(new ManualClock()).counter(name)).as(name)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> WireCodec.validName(name)).as(name)
          .isInstanceOf(WireFormatException.class);
    }
    List<String> good = List.of("a", "a.b", "a-b_c.D\u00e9", "x.y.z.1", "\u65e5.\u672c");
    for (String name : good) {
      new Registry(new ManualClock()).counter(name);
      try {
        assertThat(WireCodec.validName(name)).isEqualTo(name);
      } catch (WireFormatException e) {
        throw new AssertionError(name, e);
      }
    }
  }

  @Test
  void sketchWindowsKeepTheirExactBuckets() {
    ManualClock clock = new ManualClock();
    Registry registry = new Registry(clock);
    for (long v = -5_000; v < 5_000_000; v += 997) {
      registry.histogram("h").update(v);
    }
    SketchSnapshot window = (SketchSnapshot) registry.histogram("h").getSnapshot();
    StateMessage decoded = decode(WireCodec.encode(
        new StateMessage(1, 1, false, "p", registry.snapshot())));
    dev.tapes.HistogramSnapshot histogram =
        (dev.tapes.HistogramSnapshot) decoded.registry().metrics().get(0);
    SketchSnapshot shipped = (SketchSnapshot) histogram.window();

    assertThat(shipped).isEqualTo(window);
    assertThat(shipped.buckets()).isEqualTo(window.buckets());
    assertThat(shipped.minValue()).isEqualTo(window.minValue());
    assertThat(shipped.maxValue()).isEqualTo(window.maxValue());
    assertThat(histogram.lifetime().buckets()).as("the lifetime travels too")
        .isEqualTo(window.buckets());
    assertThat(histogram.lifetime().buckets().zeroCount()).isZero();
    assertThat(histogram.lifetime().buckets().negativeIndexes()).isNotEmpty();
  }

  /** Doubles equal, NaN included, or within 1e-12 relative (renormalised sample weights). */
  static int closeEnough(Double a, Double b) {
    if (a.equals(b) || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
      return 0;
    }
    return Double.compare(a, b);
  }

  static StateMessage decode(byte[] frame) {
    try {
      return WireCodec.decodeState(frame);
    } catch (WireFormatException e) {
      throw new AssertionError("a frame we encoded was refused: " + e.getMessage(), e);
    }
  }
}
