package dev.tapes;

/**
 * A literal port of the seed's meter (tapes' local meter and EWMA): the oracle our meter is
 * checked against. It ticks on every mark and read, loops over overdue ticks, and keeps an
 * "uncounted" tally, exactly as the Python code does.
 */
final class SeedMeter {

  private static final long TICK_NANOS = 5_000_000_000L;
  private static final double[] ALPHAS = {
      1 - Math.exp(-5.0 / 60 / 1), 1 - Math.exp(-5.0 / 60 / 5), 1 - Math.exp(-5.0 / 60 / 15)};

  private final double[] rates = new double[3];
  private final boolean[] initialized = new boolean[3];
  private long uncounted;
  private long lastTick;

  SeedMeter(long nowNanos) {
    lastTick = nowNanos;
  }

  void mark(long n, long nowNanos) {
    tickIfNecessary(nowNanos);
    uncounted += n;
  }

  double[] rates(long nowNanos) {
    tickIfNecessary(nowNanos);
    return rates.clone();
  }

  private void tickIfNecessary(long nowNanos) {
    long age = nowNanos - lastTick;
    if (age > TICK_NANOS) {
      lastTick = nowNanos - age % TICK_NANOS;
      for (long i = age / TICK_NANOS; i > 0; i--) {
        tick();
      }
    }
  }

  private void tick() {
    double instantRate = uncounted / 5.0;
    uncounted = 0;
    for (int i = 0; i < 3; i++) {
      if (initialized[i]) {
        rates[i] += ALPHAS[i] * (instantRate - rates[i]);
      } else {
        rates[i] = instantRate;
        initialized[i] = true;
      }
    }
  }
}
