package dev.tapes.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * The demo's console logging: one line per record, the cause's message instead of its stack
 * trace, and the containers' start-up chatter left out ({@code logging.properties} beside this
 * class). A user's application configures logging its own way.
 */
public final class DemoLogging extends Formatter {

  /** Replaces the JDK's default logging configuration with the demo's. */
  static void configure() {
    try (InputStream in = DemoLogging.class.getResourceAsStream("logging.properties")) {
      LogManager.getLogManager().readConfiguration(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo's logging.properties", e);
    }
  }

  @Override
  public String format(LogRecord record) {
    String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
    StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ')
        .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
        .append(formatMessage(record));
    if (record.getThrown() != null) {
      line.append(" (").append(record.getThrown()).append(')');
    }
    return line.append(System.lineSeparator()).toString();
  }
}
