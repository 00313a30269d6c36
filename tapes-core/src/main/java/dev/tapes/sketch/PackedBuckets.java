package dev.tapes.sketch;

import java.util.Arrays;

/**
 * Bucket counts frozen into a few bytes: what a window slot becomes once its time is up, and
 * what the lifetime accumulator is. Immutable.
 *
 * <p>Buckets are {@link ExponentialLayout#position positions} (0 for zero, ±(local + 1) for
 * the rest), ascending, each with a positive count. They are stored as varints: the first
 * position zigzag-encoded, then each gap to the next, then every count. Gaps between a
 * distribution's neighbouring buckets are small and so are a slot's counts, so most buckets take
 * two bytes where parallel {@code int} and {@code long} arrays would take twelve: the difference
 * is most of a timer's memory once several slots and the lifetime are kept.
 */
public final class PackedBuckets {

  /** No bucket at all. */
  public static final PackedBuckets EMPTY =
      new PackedBuckets(new byte[0], 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

  private final byte[] data;
  private final int size;
  private final long total;
  private final long min;
  private final long max;

  private PackedBuckets(byte[] data, int size, long total, long min, long max) {
    this.data = data;
    this.size = size;
    this.total = total;
    this.min = min;
    this.max = max;
  }

  /**
   * Packs buckets: {@code positions} strictly ascending, {@code counts} positive, the first
   * {@code size} of each; {@code min} and {@code max} the exact extremes of the values counted.
   */
  public static PackedBuckets of(int[] positions, long[] counts, int size, long min, long max) {
    if (size == 0) {
      return EMPTY;
    }
    byte[] out = new byte[size * 3 + 16];
    int at = putVarLong(out, 0, zigzag(positions[0]));
    for (int i = 1; i < size; i++) {
      out = ensure(out, at);
      at = putVarLong(out, at, (long) positions[i] - positions[i - 1]);
    }
    long total = 0;
    for (int i = 0; i < size; i++) {
      out = ensure(out, at);
      at = putVarLong(out, at, counts[i]);
      total += counts[i];
    }
    return new PackedBuckets(Arrays.copyOf(out, at), size, total, min, max);
  }

  /** Packs {@code buckets}, which it reads but does not keep. */
  public static PackedBuckets of(BucketCounts buckets) {
    return of(buckets.positions(), buckets.counts(), buckets.positions().length, buckets.min(),
        buckets.max());
  }

  /** How many buckets. */
  public int size() {
    return size;
  }

  /** The sum of the counts. */
  public long total() {
    return total;
  }

  /** The smallest value counted; {@link Long#MAX_VALUE} if none. */
  public long min() {
    return min;
  }

  /** The largest value counted; {@link Long#MIN_VALUE} if none. */
  public long max() {
    return max;
  }

  /** Bytes held, for memory accounting. */
  int bytes() {
    return data.length;
  }

  /** Unpacks into {@code positions} and {@code counts} from {@code offset}; returns the size. */
  public int unpack(int[] positions, long[] counts, int offset) {
    Reader in = new Reader(data);
    long position = unzigzag(in.next());
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        position += in.next();
      }
      positions[offset + i] = (int) position;
    }
    for (int i = 0; i < size; i++) {
      counts[offset + i] = in.next();
    }
    return size;
  }

  /** The buckets of every one of {@code parts} added together, exactly. */
  public static BucketCounts merge(BucketCounts live, PackedBuckets... parts) {
    int capacity = live.positions().length;
    long min = live.min();
    long max = live.max();
    for (PackedBuckets part : parts) {
      capacity += part.size;
      min = Math.min(min, part.min);
      max = Math.max(max, part.max);
    }
    int[] positions = new int[capacity];
    long[] counts = new long[capacity];
    int filled = live.positions().length;
    System.arraycopy(live.positions(), 0, positions, 0, filled);
    System.arraycopy(live.counts(), 0, counts, 0, filled);
    int[] scratchPositions = new int[capacity];
    long[] scratchCounts = new long[capacity];
    for (PackedBuckets part : parts) {
      if (part.size == 0) {
        continue;
      }
      int from = capacity - part.size;
      part.unpack(positions, counts, from);
      filled = mergeInto(positions, counts, filled, from, capacity, scratchPositions,
          scratchCounts);
      int[] swapPositions = positions;
      positions = scratchPositions;
      scratchPositions = swapPositions;
      long[] swapCounts = counts;
      counts = scratchCounts;
      scratchCounts = swapCounts;
    }
    return new BucketCounts(Arrays.copyOf(positions, filled), Arrays.copyOf(counts, filled), min,
        max);
  }

  /** This and {@code more} added together, packed. */
  public PackedBuckets plus(BucketCounts more) {
    BucketCounts merged = merge(more, this);
    return of(merged);
  }

  /**
   * Merges the ascending runs {@code [0, firstEnd)} and {@code [secondStart, end)} of the
   * arrays into the output arrays; returns the merged size.
   */
  private static int mergeInto(int[] positions, long[] counts, int firstEnd, int secondStart,
      int end, int[] outPositions, long[] outCounts) {
    int i = 0;
    int j = secondStart;
    int n = 0;
    while (i < firstEnd || j < end) {
      if (j == end || (i < firstEnd && positions[i] < positions[j])) {
        outPositions[n] = positions[i];
        outCounts[n++] = counts[i++];
      } else if (i == firstEnd || positions[j] < positions[i]) {
        outPositions[n] = positions[j];
        outCounts[n++] = counts[j++];
      } else {
        outPositions[n] = positions[i];
        outCounts[n++] = counts[i++] + counts[j++];
      }
    }
    return n;
  }

  private static byte[] ensure(byte[] out, int at) {
    return at + 10 <= out.length ? out : Arrays.copyOf(out, out.length * 2 + 10);
  }

  private static int putVarLong(byte[] out, int at, long value) {
    while ((value & ~0x7FL) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }

  private static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  private static long unzigzag(long raw) {
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Reads the varints of one array in sequence. */
  private static final class Reader {

    private final byte[] data;
    private int at;

    Reader(byte[] data) {
      this.data = data;
    }

    long next() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = data[at++];
        value |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "PackedBuckets[" + size + " buckets, " + total + " values, " + data.length
        + " bytes]";
  }
}
