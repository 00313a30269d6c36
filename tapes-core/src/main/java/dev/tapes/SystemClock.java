package dev.tapes;

/** {@link Clock#system()}: a singleton so a registry can tell it apart from test clocks. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
