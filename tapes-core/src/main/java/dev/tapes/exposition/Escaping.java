package dev.tapes.exposition;

/** Escaping rules of each output syntax, shared by every writer. */
final class Escaping {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Escaping() {}

  /**
   * Text of a {@code # HELP} line. Prometheus text 0.0.4 escapes backslash and newline;
   * OpenMetrics also escapes the double quote.
   */
  static void appendHelp(StringBuilder out, CharSequence text, boolean openMetrics) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '"' && openMetrics) {
        out.append("\\\"");
      } else {
        out.append(c);
      }
    }
  }

  /** A JSON string literal, quotes included (RFC 8259: quote, backslash, controls). */
  static void appendJsonString(StringBuilder out, CharSequence text, int start, int end) {
    out.append('"');
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
