package dev.tapes.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class SketchSlotTest {

  @Test
  void aSlotWrittenByOneThreadNeverStripes() {
    SketchSlot slot = new SketchSlot();
    for (int i = 0; i < 1_000_000; i++) {
      slot.record(42);
    }

    assertThat(slot.isStriped()).isFalse();
    assertThat(countOf(slot, 42)).isEqualTo(1_000_000);
  }

  @Test
  void bucketsCarryPastSixteenBitsOnBothSidesAndResetEmptiesTheCarries() {
    SketchSlot slot = new SketchSlot();
    long many = 3 * SketchPages.CARRY_UNIT + 7;
    for (long i = 0; i < many; i++) {
      slot.record(1_000_000);
      slot.record(-5);
      if (i == SketchPages.MAX_COUNT - 1) {
        assertThat(countOf(slot, 1_000_000)).as("a full counter").isEqualTo(SketchPages.MAX_COUNT);
      }
    }

    assertThat(countOf(slot, 1_000_000)).isEqualTo(many);
    assertThat(countOf(slot, -5)).isEqualTo(many);
    assertThat(countOf(slot, 2_000_000)).as("another octave").isZero();

    slot.reset();
    assertThat(countOf(slot, 1_000_000)).isZero();
    assertThat(countOf(slot, -5)).isZero();
    slot.record(1_000_000);
    assertThat(countOf(slot, 1_000_000)).isEqualTo(1);
  }

  @Test
  void aStripedSlotLosesNothingAcrossWritersSharingStripesAndResetEmptiesEveryStripe()
      throws Exception {
    SketchSlot slot = new SketchSlot();
    slot.record(42);
    // Striped as a failed compare-and-set would: deterministic, whatever the machine's cores.
    slot.stripe();
    slot.stripe();
    int threads = 4 * SketchSlot.MAX_STRIPES; // several writers per stripe contend for real
    long perThread = 100_000;

    runConcurrently(threads, () -> {
      for (long i = 0; i < perThread; i++) {
        slot.record(42);
      }
    });

    assertThat(slot.isStriped()).isTrue();
    assertThat(countOf(slot, 42)).isEqualTo(1 + threads * perThread);
    slot.record(7);
    assertThat(countOf(slot, 7)).isEqualTo(1);

    slot.reset();
    assertThat(countOf(slot, 42)).as("reset empties every stripe").isZero();
    assertThat(slot.min()).isEqualTo(Long.MAX_VALUE);
  }

  private static long countOf(SketchSlot slot, long value) {
    int index = LogLinearBuckets.index(value);
    long[] sums = new long[LogLinearBuckets.SUB_BUCKETS];
    slot.addPage(index < 0, Math.abs(index) >>> LogLinearBuckets.SUB_BITS, sums);
    return sums[Math.abs(index) & (LogLinearBuckets.SUB_BUCKETS - 1)];
  }

  private static void runConcurrently(int threads, Runnable work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        work.run();
      });
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      thread.join();
    }
  }
}
