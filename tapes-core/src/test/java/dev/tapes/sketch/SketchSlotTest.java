package dev.tapes.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SketchSlotTest {

  private static final ExponentialLayout LAYOUT = ExponentialLayout.UNIT;

  @Test
  void aSlotWrittenByOneThreadNeverStripes() {
    SketchSlot slot = new SketchSlot();
    for (int i = 0; i < 1_000_000; i++) {
      record(slot, 42);
    }

    assertThat(slot.isStriped()).isFalse();
    assertThat(countOf(slot.read(), 42)).isEqualTo(1_000_000);
  }

  @Test
  void bucketsCarryPastSixteenBitsOnBothSidesAndDrainingEmptiesTheCarries() {
    SketchSlot slot = new SketchSlot();
    long many = 3 * SketchPages.CARRY_UNIT + 7;
    for (long i = 0; i < many; i++) {
      record(slot, 1_000_000);
      record(slot, -5);
      if (i == SketchPages.MAX_COUNT - 1) {
        assertThat(countOf(slot.read(), 1_000_000)).as("a full counter")
            .isEqualTo(SketchPages.MAX_COUNT);
      }
    }
    record(slot, 0);

    BucketCounts drained = slot.drain();
    assertThat(countOf(drained, 1_000_000)).isEqualTo(many);
    assertThat(countOf(drained, -5)).isEqualTo(many);
    assertThat(countOf(drained, 0)).isEqualTo(1);
    assertThat(countOf(drained, 2_000_000)).as("another bucket").isZero();
    assertThat(drained.min()).isEqualTo(-5);
    assertThat(drained.max()).isEqualTo(1_000_000);

    BucketCounts after = slot.read();
    assertThat(after.positions()).as("drained empty, carries included").isEmpty();
    assertThat(after.min()).isEqualTo(Long.MAX_VALUE);
    record(slot, 1_000_000);
    assertThat(countOf(slot.read(), 1_000_000)).isEqualTo(1);
  }

  @Test
  void aStripedSlotLosesNothingAcrossWritersSharingStripes() throws Exception {
    SketchSlot slot = new SketchSlot();
    record(slot, 42);
    // Striped as a failed compare-and-set would: deterministic, whatever the machine's cores.
    slot.stripe();
    slot.stripe();
    int threads = 4 * SketchSlot.MAX_STRIPES; // several writers per stripe contend for real
    long perThread = 100_000;

    runConcurrently(threads, () -> {
      for (long i = 0; i < perThread; i++) {
        record(slot, 42);
      }
    });

    assertThat(slot.isStriped()).isTrue();
    assertThat(countOf(slot.drain(), 42)).isEqualTo(1 + threads * perThread);
    assertThat(slot.read().positions()).as("draining empties every stripe").isEmpty();
  }

  @Test
  void drainingWhileWritersWriteLosesNoValueAndCountsNoneTwice() throws Exception {
    SketchSlot slot = new SketchSlot();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong written = new AtomicLong();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      Thread writer = new Thread(() -> {
        long mine = 0;
        while (!stop.get()) {
          record(slot, 1_000 + (mine & 1023));
          mine++;
        }
        written.addAndGet(mine);
      });
      writer.start();
      writers.add(writer);
    }
    long drainedTotal = 0;
    for (int i = 0; i < 2_000; i++) {
      drainedTotal += total(slot.drain());
    }
    stop.set(true);
    for (Thread writer : writers) {
      writer.join();
    }
    drainedTotal += total(slot.drain());

    assertThat(drainedTotal).isEqualTo(written.get());
  }

  private static void record(SketchSlot slot, long value) {
    slot.record(LAYOUT.position(value), value);
  }

  private static long countOf(BucketCounts buckets, long value) {
    int position = LAYOUT.position(value);
    for (int i = 0; i < buckets.positions().length; i++) {
      if (buckets.positions()[i] == position) {
        return buckets.counts()[i];
      }
    }
    return 0;
  }

  private static long total(BucketCounts buckets) {
    long total = 0;
    for (long count : buckets.counts()) {
      total += count;
    }
    return total;
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
