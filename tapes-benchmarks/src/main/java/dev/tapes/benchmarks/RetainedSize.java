package dev.tapes.benchmarks;

import dev.tapes.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained bytes of one timer after {@value #RECORDINGS} recordings, for every contender,
 * measured with JOL.
 *
 * <p>What one more timer costs, not what one object's fields add up to: a home (registry) gets
 * a first timer with its recordings, its reachable graph is measured, then a second timer with
 * the same recordings, and the growth of the graph is the answer. It therefore includes the
 * registry's entry and the name, and excludes what every timer shares (the registry, the
 * clock, configuration, singletons reached on first use).
 *
 * <p>Tapes is measured twice: with every recording in one window slot (as the peers, recorded
 * within a few milliseconds), and with the recordings spread over the whole 60 s window on a
 * {@link ManualClock}, so that all four slots hold data: its steady state under constant
 * traffic. Recording from one thread leaves the {@code LongAdder}s of every library without
 * their per-thread cells; contention adds a cell array per adder.
 */
final class RetainedSize {

  static final int RECORDINGS = 1_000;
  private static final Duration WINDOW = Duration.ofSeconds(60);

  static {
    // Java 17 refuses Unsafe field offsets of records (Tapes' reservoir settings are one);
    // JOL then computes offsets its own way. Set before JOL's first use.
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
  }

  /** One row: a contender, how its recordings were spread, and the bytes. */
  record Row(String label, long bytes) {}

  private RetainedSize() {}

  static List<Row> measure(Dataset dataset) {
    long[] values = dataset.sample(7, RECORDINGS);
    List<Row> rows = new ArrayList<>();
    for (Contender contender : Contender.values()) {
      rows.add(new Row(contender.label(), marginalBytes(contender, values, false)));
      if (contender == Contender.TAPES) {
        rows.add(new Row(contender.label() + ", recordings spread over the 60 s window",
            marginalBytes(contender, values, true)));
      }
    }
    return rows;
  }

  static long marginalBytes(Contender contender, long[] values, boolean spreadOverWindow) {
    return marginalBytes(contender, values, spreadOverWindow, 1);
  }

  /** How much the home grows with one more timer, once it holds {@code timersBefore}. */
  static long marginalBytes(Contender contender, long[] values, boolean spreadOverWindow,
      int timersBefore) {
    ManualClock clock = new ManualClock();
    Contender.Home home = contender.newHome(clock);
    for (int i = 0; i < timersBefore; i++) {
      record(home.newTimer("timer" + i), values, clock, spreadOverWindow);
    }
    long before = GraphLayout.parseInstance(home.root()).totalSize();
    record(home.newTimer("measured"), values, clock, spreadOverWindow);
    long after = GraphLayout.parseInstance(home.root()).totalSize();
    return after - before;
  }

  private static void record(Contender.Probe timer, long[] values, ManualClock clock,
      boolean spreadOverWindow) {
    long stepNanos = WINDOW.toNanos() / Math.max(1, values.length);
    for (long value : values) {
      if (spreadOverWindow) {
        clock.advanceNanos(stepNanos);
      }
      timer.record(value);
    }
  }

  static String toMarkdown(Dataset dataset, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Retained bytes per timer after %,d recordings (%s data, JOL, marginal cost in its "
            + "registry)%n%n", RECORDINGS, dataset.name().toLowerCase(Locale.ROOT)));
    out.append("| timer | bytes |\n|---|---:|\n");
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %,d |%n", row.label(), row.bytes()));
    }
    return out.toString();
  }

  public static void main(String[] args) {
    for (Dataset dataset : Dataset.values()) {
      System.out.println(toMarkdown(dataset, measure(dataset)));
    }
  }
}
