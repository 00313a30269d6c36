package dev.tapes.cdi;

/**
 * Where a metric is asked for: a bean class and one of its fields, parameters or methods. It
 * starts every message about a misconfiguration, so the user knows which line to fix.
 *
 * @param beanClassName the binary name of the concrete bean class; null for a programmatic lookup
 * @param memberKind {@code field}, {@code parameter} or {@code method}; null for the class itself
 * @param memberName the member's name, or null for a parameter compiled without its name
 */
record Site(String beanClassName, String memberKind, String memberName) {

  /** {@code bean com.example.WidgetResource, field latency}. */
  @Override
  public String toString() {
    String bean = beanClassName == null ? "a programmatic lookup" : "bean " + beanClassName;
    if (memberKind == null) {
      return bean;
    }
    return bean + ", " + memberKind + " "
        + (memberName == null ? "(name not compiled in)" : memberName);
  }
}
