package dev.tapes.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded faults for {@link FrameFaults}: each frame is dropped, repeated, held back to be
 * released after later ones (reordered), or passed on, by a seeded random choice, so a failing
 * run replays exactly. {@link #disable()} lets every later frame (and nothing held) through.
 */
final class ScriptedFaults implements FrameFaults {

  private final SplittableRandom random;
  private final double drop;
  private final double repeat;
  private final double hold;
  private final List<byte[]> held = new ArrayList<>();
  private volatile boolean enabled = true;
  int dropped;
  int repeated;
  int reordered;

  ScriptedFaults(long seed, double drop, double repeat, double hold) {
    this.random = new SplittableRandom(seed);
    this.drop = drop;
    this.repeat = repeat;
    this.hold = hold;
  }

  void disable() {
    enabled = false;
  }

  @Override
  public synchronized List<byte[]> onSend(byte[] frame) {
    if (!enabled) {
      return List.of(frame);
    }
    List<byte[]> out = new ArrayList<>();
    double roll = random.nextDouble();
    if (roll < drop) {
      dropped++;
    } else if (roll < drop + hold) {
      held.add(frame);
    } else {
      out.add(frame);
      if (random.nextDouble() < repeat) {
        out.add(frame);
        repeated++;
      }
    }
    // Release some held frames after this one: they arrive out of order.
    for (int i = held.size() - 1; i >= 0; i--) {
      if (held.get(i) != frame && random.nextDouble() < 0.3) {
        out.add(held.remove(i));
        reordered++;
      }
    }
    return out;
  }
}
