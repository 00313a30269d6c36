package dev.tapes.benchmarks;

import dev.tapes.CounterSnapshot;
import dev.tapes.ManualClock;
import dev.tapes.MetricSnapshot;
import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.Timer;
import dev.tapes.TimerSnapshot;
import dev.tapes.distributed.AggregatorFeed;
import dev.tapes.distributed.RegistryAggregator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * How many proxies × metrics one {@link RegistryAggregator} takes in per second, outside JMH.
 *
 * <p>{@code proxies} simulated proxies each ship the state of {@code metrics} timers holding
 * {@value ScrapeData#RECORDINGS} lognormal recordings, {@code rounds} times. The frames are
 * encoded by the real codec before the clock starts (encoding is each proxy's work, on its own
 * machine), so what is timed is the aggregator alone:
 *
 * <ul>
 *   <li><b>socket</b> (the figure that counts): frames pushed over loopback TCP through one
 *       0MQ PUSH connection per proxy to a started aggregator, from the first send until its
 *       own {@code tapes.aggregator.frames.accepted} counter has counted the last one. This is
 *       the receive loop as deployed: 0MQ receive, decode, validate, apply. One sender thread
 *       shares the machine's cores with it;
 *   <li><b>direct</b>: the same frames handed to the aggregator's intake on one thread, without
 *       0MQ: decode, validate, apply. The gap between the two is 0MQ's share;
 *   <li><b>view</b>: one {@code registry().snapshot()} once every proxy has reported: the merge
 *       of {@code proxies × metrics} entries into {@code metrics} cluster timers (exact sketch
 *       merges), which every scrape of the aggregator pays.
 * </ul>
 *
 * <p>Each repetition uses a fresh aggregator, so the frames (and their sequence numbers) can be
 * replayed without being stale; its first round creates every entry and is not timed, the
 * following rounds replace entries as a running cluster does. The median repetition is
 * reported. A run that does not end with every frame accepted and exact cluster counts fails.
 */
final class AggregatorThroughput {

  /** One configuration: how many proxies, metrics per proxy, and timed rounds per repetition. */
  record Shape(int proxies, int metrics, int rounds) {

    long statesPerRepetition() {
      return (long) proxies * metrics * rounds;
    }
  }

  /** The medians of a shape's repetitions. */
  record Result(Shape shape, int frameBytes, double socketSeconds, double directSeconds,
      double viewMillis) {

    double socketStatesPerSecond() {
      return shape.statesPerRepetition() / socketSeconds;
    }

    double directStatesPerSecond() {
      return shape.statesPerRepetition() / directSeconds;
    }
  }

  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private AggregatorThroughput() {}

  static Result measure(Shape shape, int repetitions) {
    RegistrySnapshot state = proxyState(shape.metrics());
    // Round 0 creates the entries; rounds 1..rounds are timed.
    byte[][][] frames = new byte[shape.rounds() + 1][shape.proxies()][];
    for (int round = 0; round <= shape.rounds(); round++) {
      for (int proxy = 0; proxy < shape.proxies(); proxy++) {
        frames[round][proxy] =
            AggregatorFeed.stateFrame(proxy + 1, round + 1, "proxy-" + proxy, state);
      }
    }
    double[] socket = new double[repetitions];
    double[] direct = new double[repetitions];
    double[] view = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      direct[i] = direct(shape, frames, view, i);
      socket[i] = socket(shape, frames);
    }
    return new Result(shape, frames[0][0].length, median(socket), median(direct), median(view));
  }

  /** A proxy's state: {@code metrics} timers with their recordings, as one flush ships it. */
  static RegistrySnapshot proxyState(int metrics) {
    Registry registry = new Registry(new ManualClock());
    for (int i = 0; i < metrics; i++) {
      Timer timer = registry.timer(ScrapeData.dottedName(i));
      for (long nanos : Dataset.LOGNORMAL.sample(1_000 + i, ScrapeData.RECORDINGS)) {
        timer.update(nanos);
      }
    }
    return registry.snapshot();
  }

  private static double direct(Shape shape, byte[][][] frames, double[] view, int repetition) {
    try (RegistryAggregator aggregator = RegistryAggregator.builder().build()) {
      for (byte[] frame : frames[0]) {
        AggregatorFeed.accept(aggregator, frame);
      }
      long start = System.nanoTime();
      for (int round = 1; round <= shape.rounds(); round++) {
        for (byte[] frame : frames[round]) {
          AggregatorFeed.accept(aggregator, frame);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      checkAccepted(aggregator, shape);
      long viewStart = System.nanoTime();
      RegistrySnapshot merged = aggregator.registry().snapshot();
      view[repetition] = (System.nanoTime() - viewStart) / 1e6;
      checkMerged(merged, shape);
      return seconds;
    }
  }

  private static double socket(Shape shape, byte[][][] frames) {
    try (RegistryAggregator aggregator =
            RegistryAggregator.builder().endpoint("tcp://127.0.0.1:*").build();
        ZContext context = new ZContext(1)) {
      aggregator.start();
      List<ZMQ.Socket> pushes = new ArrayList<>();
      for (int proxy = 0; proxy < shape.proxies(); proxy++) {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.connect(aggregator.getEndpoint());
        pushes.add(push);
      }
      // Round 0 also waits out the connections' handshakes, before the clock starts.
      send(pushes, frames[0]);
      awaitAccepted(aggregator, shape.proxies());
      long start = System.nanoTime();
      for (int round = 1; round <= shape.rounds(); round++) {
        send(pushes, frames[round]);
      }
      awaitAccepted(aggregator, (long) shape.proxies() * (shape.rounds() + 1));
      double seconds = (System.nanoTime() - start) / 1e9;
      checkAccepted(aggregator, shape);
      return seconds;
    }
  }

  private static void send(List<ZMQ.Socket> pushes, byte[][] frames) {
    for (int proxy = 0; proxy < frames.length; proxy++) {
      if (!pushes.get(proxy).send(frames[proxy], 0)) {
        throw new IllegalStateException("0MQ refused a frame of proxy " + proxy);
      }
    }
  }

  private static void awaitAccepted(RegistryAggregator aggregator, long frames) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (count(aggregator, RegistryAggregator.FRAMES_ACCEPTED) < frames) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the aggregator accepted "
            + count(aggregator, RegistryAggregator.FRAMES_ACCEPTED) + " of " + frames
            + " frames within 60 s");
      }
      LockSupport.parkNanos(100_000);
    }
  }

  private static void checkAccepted(RegistryAggregator aggregator, Shape shape) {
    long expected = (long) shape.proxies() * (shape.rounds() + 1);
    long accepted = count(aggregator, RegistryAggregator.FRAMES_ACCEPTED);
    long rejected = count(aggregator, RegistryAggregator.FRAMES_REJECTED)
        + count(aggregator, RegistryAggregator.FRAMES_STALE)
        + count(aggregator, RegistryAggregator.METRICS_REFUSED);
    if (accepted != expected || rejected != 0) {
      throw new IllegalStateException("expected " + expected + " frames accepted and none "
          + "refused, got " + accepted + " accepted and " + rejected + " refused");
    }
  }

  /** Every cluster timer must count every proxy's recordings, exactly. */
  private static void checkMerged(RegistrySnapshot merged, Shape shape) {
    long expected = (long) shape.proxies() * ScrapeData.RECORDINGS;
    int timers = 0;
    for (MetricSnapshot metric : merged.metrics()) {
      if (metric instanceof TimerSnapshot timer && timer.name().startsWith("app.")) {
        timers++;
        if (timer.count() != expected) {
          throw new IllegalStateException(timer.name() + " counts " + timer.count()
              + ", expected " + expected);
        }
      }
    }
    if (timers != shape.metrics()) {
      throw new IllegalStateException("the merged view has " + timers + " timers, expected "
          + shape.metrics());
    }
  }

  private static long count(RegistryAggregator aggregator, String name) {
    return ((CounterSnapshot) aggregator.registry().snapshot(name).metrics().get(0)).count();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static String toMarkdown(List<Result> results, int repetitions) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Aggregator throughput: metric states (one proxy's "
        + "timer, %,d recordings) taken in per second, median of %d repetitions; frames "
        + "encoded beforehand by the real codec%n%n", ScrapeData.RECORDINGS, repetitions));
    out.append("| proxies × timers | frame | over 0MQ (socket) | decode + apply only "
        + "| 0MQ's share | merged view of all proxies |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (Result result : results) {
      Shape shape = result.shape();
      out.append(String.format(Locale.ROOT,
          "| %,d × %,d | %,d bytes | %,.0f /s (%,.0f frames/s, %.1f MB/s) | %,.0f /s | %.0f %% "
              + "| %.1f ms |%n",
          shape.proxies(), shape.metrics(), result.frameBytes(), result.socketStatesPerSecond(),
          shape.proxies() * shape.rounds() / result.socketSeconds(),
          (double) result.frameBytes() * shape.proxies() * shape.rounds()
              / result.socketSeconds() / 1e6,
          result.directStatesPerSecond(),
          100 * (1 - result.directSeconds() / result.socketSeconds()), result.viewMillis()));
    }
    return out.toString();
  }

  static String run(List<Shape> shapes, int repetitions) {
    List<Result> results = new ArrayList<>();
    for (Shape shape : shapes) {
      results.add(measure(shape, repetitions));
    }
    return toMarkdown(results, repetitions);
  }

  public static void main(String[] args) {
    System.out.println(run(List.of(new Shape(10, 1_000, 4), new Shape(100, 100, 4)), 3));
  }
}
