package dev.tapes.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what Node's {@code util.inspect} prints for an object of numbers or of arrays of
 * numbers, which is how the StatsD daemon's management interface answers: {@code { 'a.b': 1,
 * c: [ 1, 2.5 ] }}. Not JSON: keys may be bare or single-quoted, and long objects span lines.
 */
final class InspectParser {

  private final String text;
  private int position;

  private InspectParser(String text) {
    this.text = text;
  }

  /** Parses an object whose values are numbers or arrays of numbers. */
  static Map<String, Object> parse(String text) {
    InspectParser parser = new InspectParser(text);
    Map<String, Object> result = parser.object();
    parser.skipSpace();
    if (parser.position != text.length()) {
      throw parser.error("trailing text");
    }
    return result;
  }

  private Map<String, Object> object() {
    expect('{');
    Map<String, Object> values = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      position++;
      return values;
    }
    while (true) {
      skipSpace();
      String key = key();
      skipSpace();
      expect(':');
      skipSpace();
      values.put(key, peek() == '[' ? array() : number());
      skipSpace();
      char next = next();
      if (next == '}') {
        return values;
      }
      if (next != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Double> array() {
    expect('[');
    List<Double> values = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek() == ']') {
        position++;
        return values;
      }
      if (text.startsWith("...", position)) {
        throw error("array truncated by util.inspect (more than 100 values)");
      }
      values.add(number());
      skipSpace();
      if (peek() == ',') {
        position++;
      }
    }
  }

  private String key() {
    char first = peek();
    if (first == '\'' || first == '"') {
      position++;
      StringBuilder key = new StringBuilder();
      while (true) {
        char c = next();
        if (c == first) {
          return key.toString();
        }
        key.append(c == '\\' ? next() : c);
      }
    }
    int start = position;
    while (position < text.length() && text.charAt(position) != ':'
        && !Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private Double number() {
    int start = position;
    while (position < text.length() && "+-.0123456789eEInfinityNa".indexOf(peek()) >= 0) {
      position++;
    }
    String token = text.substring(start, position);
    switch (token) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.valueOf(token);
        } catch (NumberFormatException e) {
          throw error("not a number: '" + token + "'");
        }
    }
  }

  private void skipSpace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(position);
  }

  private char next() {
    char c = peek();
    position++;
    return c;
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(problem + " at " + position + " in: " + text);
  }
}
