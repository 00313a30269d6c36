package dev.tapes;

/**
 * An exponentially weighted moving average of a rate, ticked every {@link MovingAverages#TICK}.
 *
 * <p>The first tick sets the rate to the events of that interval over its length; each later
 * tick moves it a fraction {@code alpha} of the way toward the interval's rate. Idle ticks are
 * applied in closed form, {@code rate * (1 - alpha)^k}, so a meter idle for a day costs one
 * {@code Math.pow}, not 17,280 loop turns.
 *
 * <p>Not thread-safe: {@link MovingAverages} calls it under its lock. The rate is volatile so
 * readers need no lock.
 *
 * @see <a href="https://www.teamquest.com/pdfs/whitepaper/ldavg1.pdf">UNIX load average, part 1</a>
 */
final class Ewma {

  private final double alpha;
  private volatile double ratePerSecond;
  private boolean initialized;

  private Ewma(double alpha) {
    this.alpha = alpha;
  }

  /** An average over {@code minutes}, ticked every {@link MovingAverages#TICK}. */
  static Ewma overMinutes(int minutes) {
    double tickSeconds = MovingAverages.TICK.toNanos() / 1e9;
    return new Ewma(1 - Math.exp(-tickSeconds / 60.0 / minutes));
  }

  /**
   * Applies {@code ticks} (&ge; 1) ticks: the first with the {@code events} counted since the
   * previous tick, the rest idle.
   */
  void tick(long events, long ticks) {
    double intervalRate = events / (MovingAverages.TICK.toNanos() / 1e9);
    double rate = ratePerSecond;
    if (initialized) {
      rate += alpha * (intervalRate - rate);
    } else {
      rate = intervalRate;
      initialized = true;
    }
    if (ticks > 1) {
      rate *= Math.pow(1 - alpha, ticks - 1);
    }
    ratePerSecond = rate;
  }

  double ratePerSecond() {
    return ratePerSecond;
  }
}
