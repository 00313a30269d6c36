package dev.tapes;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed's reservoir: a random sample of the stream, biased toward recent values by forward
 * decay. Each value gets priority {@code w / u} with weight {@code w = e^(alpha * age)} and
 * {@code u} uniform in (0, 1]; the reservoir keeps the {@code size} highest priorities.
 *
 * <p>Unlike the default sketch, {@link #record} reads the clock and takes this object's lock
 * for a few dozen nanoseconds (a heap replacement in preallocated arrays; nothing is
 * allocated). The guarantee kept: every recorded value has the probability of being sampled
 * the algorithm defines; none is lost to a race.
 *
 * @see <a href="http://dimacs.rutgers.edu/~graham/pubs/papers/fwddecay.pdf">Cormode et al.,
 *     Forward Decay: A Practical Time Decay Model for Streaming Systems</a>
 */
final class ExponentiallyDecayingReservoir implements ValueStore {

  /** Weights grow as e^(alpha * age); rescaling hourly keeps them far from overflow. */
  private static final long RESCALE_NANOS = Duration.ofHours(1).toNanos();

  private final Reservoir.ExponentiallyDecaying reservoir;
  private final Clock clock;
  private final double alphaPerNano;
  /** A min-heap on priority: the root is the sample the next stronger value replaces. */
  private final double[] priorities;
  private final double[] weights;
  private final long[] values;
  private int size;
  private long landmarkNanos;

  ExponentiallyDecayingReservoir(Reservoir.ExponentiallyDecaying reservoir, Clock clock) {
    this.reservoir = reservoir;
    this.clock = clock;
    this.alphaPerNano = reservoir.alpha() / 1e9;
    this.priorities = new double[reservoir.size()];
    this.weights = new double[reservoir.size()];
    this.values = new long[reservoir.size()];
    this.landmarkNanos = clock.nanoTime();
  }

  @Override
  public void record(long value) {
    long now = clock.nanoTime();
    double uniform = 1.0 - ThreadLocalRandom.current().nextDouble();
    synchronized (this) {
      rescaleIfDue(now);
      double weight = Math.exp(alphaPerNano * (now - landmarkNanos));
      double priority = weight / uniform;
      if (size < priorities.length) {
        priorities[size] = priority;
        weights[size] = weight;
        values[size] = value;
        siftUp(size++);
      } else if (priority > priorities[0]) {
        priorities[0] = priority;
        weights[0] = weight;
        values[0] = value;
        siftDown(0);
      }
    }
  }

  @Override
  public synchronized void tick(long nowNanos) {
    rescaleIfDue(nowNanos);
  }

  /** Nothing to do: {@link #record} reads the clock itself. */
  @Override
  public void tickIfDue(long nowNanos) {}

  @Override
  public synchronized Snapshot snapshot(long nowNanos) {
    rescaleIfDue(nowNanos);
    long[] sampled = new long[size];
    double[] sampleWeights = new double[size];
    System.arraycopy(values, 0, sampled, 0, size);
    System.arraycopy(weights, 0, sampleWeights, 0, size);
    return SampleSnapshot.of(sampled, sampleWeights);
  }

  @Override
  public Views views(long nowNanos) {
    return new Views(snapshot(nowNanos), null);
  }

  @Override
  public Reservoir reservoir() {
    return reservoir;
  }

  /** Multiplying every weight and priority by one factor keeps their order, hence the heap. */
  private void rescaleIfDue(long nowNanos) {
    if (nowNanos - landmarkNanos < RESCALE_NANOS) {
      return;
    }
    double factor = Math.exp(-alphaPerNano * (nowNanos - landmarkNanos));
    for (int i = 0; i < size; i++) {
      priorities[i] *= factor;
      weights[i] *= factor;
    }
    landmarkNanos = nowNanos;
  }

  private void siftUp(int position) {
    while (position > 0) {
      int parent = (position - 1) / 2;
      if (priorities[parent] <= priorities[position]) {
        return;
      }
      swap(parent, position);
      position = parent;
    }
  }

  private void siftDown(int position) {
    while (true) {
      int smallest = position;
      int left = 2 * position + 1;
      int right = left + 1;
      if (left < size && priorities[left] < priorities[smallest]) {
        smallest = left;
      }
      if (right < size && priorities[right] < priorities[smallest]) {
        smallest = right;
      }
      if (smallest == position) {
        return;
      }
      swap(smallest, position);
      position = smallest;
    }
  }

  private void swap(int a, int b) {
    double priority = priorities[a];
    priorities[a] = priorities[b];
    priorities[b] = priority;
    double weight = weights[a];
    weights[a] = weights[b];
    weights[b] = weight;
    long value = values[a];
    values[a] = values[b];
    values[b] = value;
  }
}
