package dev.tapes;

/**
 * A meter's or timer's rates, in events per second: the mean since creation and the one-,
 * five- and fifteen-minute exponentially weighted moving averages.
 */
public record Rates(double meanRate, double oneMinuteRate, double fiveMinuteRate,
    double fifteenMinuteRate) {

  /** The rates of a metric that has seen nothing. */
  public static final Rates ZERO = new Rates(0, 0, 0, 0);
}
