package dev.tapes.benchmarks;

import java.util.Locale;

/**
 * What every scrape benchmark scrapes: {@value #TIMERS} timers, each holding the same
 * {@value #RECORDINGS} seeded lognormal durations in every library, named alike (one metric
 * name per timer, no labels: Tapes names carry no labels, so neither do the peers' here).
 */
final class ScrapeData {

  static final int TIMERS = 1_000;
  static final int RECORDINGS = 1_000;

  private ScrapeData() {}

  /** The recordings of timer {@code timer}, in nanoseconds: a seed of its own per timer. */
  static long[][] recordings() {
    long[][] recordings = new long[TIMERS][];
    for (int i = 0; i < TIMERS; i++) {
      recordings[i] = Dataset.LOGNORMAL.sample(1_000 + i, RECORDINGS);
    }
    return recordings;
  }

  /** A dotted name in the case of a class name, as Tapes and Dropwizard users write them. */
  static String dottedName(int timer) {
    return String.format(Locale.ROOT, "app.Endpoint%04d.latency", timer);
  }

  /** The Prometheus name of the same timer, as client_java users write it. */
  static String prometheusName(int timer) {
    return String.format(Locale.ROOT, "app_endpoint%04d_latency_seconds", timer);
  }
}
