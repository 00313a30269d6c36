package dev.tapes.distributed;

import dev.tapes.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Decides when the aggregator's {@link StateFile} is written, and reads it back: every save
 * interval while state changes, at once when a proxy's last state arrives (a closed proxy never
 * resends, so that is the one state a crash could lose), and on demand ({@code stop()}).
 *
 * <p>Thread-safe: the receive loop reports changes and saves; {@code stop()} saves from another
 * thread. One save at a time.
 */
final class StateKeeper {

  private static final System.Logger LOG = System.getLogger(RegistryAggregator.class.getName());

  private final StateFile file;
  private final ClusterState state;
  private final long intervalNanos;
  private final Counter saves;
  private final Counter failures;
  private final LogLimiter failureLog;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}: what the file is behind on. */
  private long lastSaveNanos;
  private boolean dirty;
  private boolean lastStatePending;

  StateKeeper(StateFile file, ClusterState state, Duration interval, Counter saves,
      Counter failures, LogLimiter failureLog, long nowNanos) {
    this.file = file;
    this.state = state;
    this.intervalNanos = interval.toNanos();
    this.saves = saves;
    this.failures = failures;
    this.failureLog = failureLog;
    this.lastSaveNanos = nowNanos;
  }

  /**
   * Loads the file into the state.
   *
   * @return how many saved metrics clash with others and were left out
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  int restore(long nowNanos) {
    Checkpoint checkpoint;
    try {
      checkpoint = file.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the aggregator state file " + file.path(), e);
    }
    if (checkpoint == null) {
      return 0;
    }
    int clashing = state.restore(checkpoint, nowNanos);
    LOG.log(Level.INFO, "restored " + checkpoint.processes().size() + " processes and "
        + checkpoint.retired().size() + " retired totals from " + file.path());
    if (clashing > 0) {
      LOG.log(Level.WARNING, clashing + " metrics of " + file.path()
          + " clash with others and were left out");
    }
    return clashing;
  }

  /** A message changed the state; {@code last} if it was a proxy's last. */
  void changed(boolean last) {
    synchronized (lock) {
      dirty = true;
      lastStatePending |= last;
    }
  }

  /** Saves if a last state is pending or the interval has passed since a change. */
  void saveIfDue(boolean changed, long nowNanos) {
    boolean due;
    synchronized (lock) {
      dirty |= changed;
      due = lastStatePending || (dirty && nowNanos - lastSaveNanos >= intervalNanos);
    }
    if (due) {
      save(nowNanos);
    }
  }

  /** Writes the file now; failures are counted and logged, never thrown. */
  synchronized boolean save(long nowNanos) {
    synchronized (lock) {
      // Cleared before the checkpoint is taken: anything applied after it marks dirty again.
      dirty = false;
      lastStatePending = false;
      lastSaveNanos = nowNanos;
    }
    try {
      file.save(state.checkpoint());
      saves.increment();
      return true;
    } catch (IOException | RuntimeException e) {
      failures.increment();
      synchronized (lock) {
        dirty = true;
      }
      failureLog.log(Level.ERROR, "saving the aggregator state to " + file.path()
          + " failed: " + e + " (counted in " + RegistryAggregator.STATE_FAILURES + ")");
      return false;
    }
  }
}
