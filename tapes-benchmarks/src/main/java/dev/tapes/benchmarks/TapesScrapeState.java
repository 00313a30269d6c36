package dev.tapes.benchmarks;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.Timer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A Tapes registry of {@value ScrapeData#TIMERS} timers in their steady state under constant
 * traffic: each timer's recordings are spread over the whole 60 s window on a {@link
 * ManualClock}, so every one of its four window slots holds data and a snapshot merges them
 * all. (Recorded within a few milliseconds, as the peers' are, every value would sit in one
 * slot, which snapshots cheaper.) The manual clock also keeps the window from expiring during
 * a long trial, which on the system clock would empty the timers after a minute.
 */
@State(Scope.Benchmark)
public class TapesScrapeState {

  private static final Duration WINDOW = Registry.DEFAULT_WINDOW;

  Registry registry;
  /** Reset before every scrape: every library writes into the same kind of buffer. */
  final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  @Setup
  public void setUp() {
    ManualClock clock = new ManualClock();
    registry = new Registry(clock);
    long[][] recordings = ScrapeData.recordings();
    Timer[] timers = new Timer[ScrapeData.TIMERS];
    for (int i = 0; i < timers.length; i++) {
      timers[i] = registry.timer(ScrapeData.dottedName(i));
    }
    long stepNanos = WINDOW.toNanos() / ScrapeData.RECORDINGS;
    for (int j = 0; j < ScrapeData.RECORDINGS; j++) {
      clock.advanceNanos(stepNanos);
      for (int i = 0; i < timers.length; i++) {
        timers[i].update(recordings[i][j]);
      }
    }
  }
}
