package dev.tapes.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one logger logs during a test, so tests can check that a fault is logged once,
 * not at every interval. {@code System.Logger} goes to {@code java.util.logging} unless an
 * application installs another backend, which our tests do not.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(StatsdReporter.class)) {
 *   ...
 *   assertThat(log.messages(Level.WARNING)).hasSize(1);
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private LogCapture(String name) {
    this.logger = Logger.getLogger(name);
    this.previousLevel = logger.getLevel();
    logger.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Records the logger named after {@code type}, as {@code System.getLogger} names it. */
  public static LogCapture of(Class<?> type) {
    return new LogCapture(type.getName());
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture(Objects.requireNonNull(loggerName, "loggerName"));
  }

  /** Every record so far, oldest first. */
  public List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /**
   * The messages logged at exactly {@code level} ({@code System.Logger}'s WARNING is JUL's
   * WARNING, ERROR is SEVERE, INFO is INFO, DEBUG is FINE, TRACE is FINER).
   */
  public List<String> messages(Level level) {
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records()) {
      if (record.getLevel().equals(level)) {
        messages.add(record.getMessage());
      }
    }
    return messages;
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
  }
}
