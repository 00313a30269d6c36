package dev.tapes.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the durations of the configuration: {@code 500ms}, {@code 10s}, {@code 1m}, {@code 2h},
 * or ISO-8601 ({@code PT10S}).
 */
public final class Durations {

  private Durations() {}

  /**
   * Parses {@code text} into a positive duration.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static Duration parse(String text) {
    String value = text.trim();
    Duration duration;
    if (value.regionMatches(true, 0, "P", 0, 1)) {
      try {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    } else {
      duration = withUnit(value, text);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("'" + text + "' is not a positive duration");
    }
    return duration;
  }

  private static Duration withUnit(String value, String text) {
    int digits = 0;
    while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > 12) {
      throw invalid(text);
    }
    long amount = Long.parseLong(value.substring(0, digits));
    switch (value.substring(digits).trim().toLowerCase(Locale.ROOT)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        throw invalid(text);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("'" + text + "' is not a duration; write a whole number"
        + " with a unit (500ms, 10s, 1m, 2h) or ISO-8601 (PT10S)");
  }
}
