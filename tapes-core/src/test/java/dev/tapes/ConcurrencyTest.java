package dev.tapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * N threads x M updates == N*M: no update is ever lost. Eight threads, four times as many as
 * the stripes of a slot on two cores, so that writers collide on the first compare-and-set
 * (the slot stripes) and then share stripes (the contended loop), not only on a big machine.
 */
class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int UPDATES = 750_000;

  private final Registry registry = new Registry(new ManualClock());

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    Counter counter = registry.counter("c");
    Meter meter = registry.meter("m");
    Histogram histogram = registry.histogram("h");
    Timer timer = registry.timer("t");

    runConcurrently(() -> {
      for (int i = 0; i < UPDATES; i++) {
        counter.increment();
        meter.mark();
        histogram.update(i & 1023);
        timer.update(i);
      }
    });

    long total = (long) THREADS * UPDATES;
    assertThat(counter.getCount()).isEqualTo(total);
    assertThat(meter.getCount()).isEqualTo(total);
    assertThat(histogram.getCount()).isEqualTo(total);
    assertThat(histogram.getSnapshot().size()).isEqualTo(total);
    assertThat(timer.getCount()).isEqualTo(total);
    assertThat(timer.getSnapshot().size()).isEqualTo(total);
    TimerSnapshot snapshot = (TimerSnapshot) registry.snapshot().metrics().get(3);
    assertThat(snapshot.sumNanos()).isEqualTo(THREADS * ((long) UPDATES * (UPDATES - 1) / 2));
  }

  private static void runConcurrently(Runnable work) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        work.run();
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
