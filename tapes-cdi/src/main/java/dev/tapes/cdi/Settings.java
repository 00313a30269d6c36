package dev.tapes.cdi;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where configuration values come from: MicroProfile Config when the application has it, system
 * properties and environment variables otherwise.
 */
interface Settings {

  /** The value of {@code key}, or null when it is not set. */
  String get(String key);

  /** The keys this source can list (environment variables excepted), to catch misspellings. */
  Set<String> keys();

  /** What this source is, for messages. */
  String describe();

  /**
   * MicroProfile Config if its API and an implementation are visible from {@code loader}, else
   * system properties and environment variables.
   */
  static Settings detect(ClassLoader loader) {
    try {
      Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return system(System.getProperties(), System.getenv());
    }
    try {
      return MicroProfileSettings.of(loader);
    } catch (RuntimeException | LinkageError e) {
      // The API without an implementation: the application asked for nothing we could use.
      System.getLogger(Settings.class.getName()).log(Level.INFO, "MicroProfile Config API"
          + " present but unusable (" + e + "); reading tapes.* from system properties and"
          + " environment variables");
      return system(System.getProperties(), System.getenv());
    }
  }

  /**
   * System properties first, then environment variables, found as MicroProfile Config finds
   * them: {@code tapes.statsd.host} is also read from {@code tapes_statsd_host} and {@code
   * TAPES_STATSD_HOST}.
   */
  static Settings system(Properties properties, Map<String, String> environment) {
    return new Settings() {
      @Override
      public String get(String key) {
        String value = properties.getProperty(key);
        if (value != null) {
          return value;
        }
        value = environment.get(key);
        if (value != null) {
          return value;
        }
        String underscored = key.replaceAll("[^A-Za-z0-9]", "_");
        value = environment.get(underscored);
        return value != null ? value
            : environment.get(underscored.toUpperCase(java.util.Locale.ROOT));
      }

      @Override
      public Set<String> keys() {
        return new TreeSet<>(properties.stringPropertyNames());
      }

      @Override
      public String describe() {
        return "system properties and environment variables";
      }
    };
  }
}
