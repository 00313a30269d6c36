package dev.tapes.internal;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the integrations read their {@code tapes.*} keys: MicroProfile Config when the
 * application has it, else system properties, then environment variables.
 *
 * <pre>{@code
 * Configuration config = Configuration.detect(getClass().getClassLoader());
 * String host = config.get("tapes.statsd.host"); // null when not set
 * }</pre>
 *
 * <p>MicroProfile Config is reached by reflection so that tapes-core needs nothing but the JDK;
 * environment variables are found as MicroProfile Config finds them: {@code tapes.statsd.host}
 * is also read from {@code tapes_statsd_host} and {@code TAPES_STATSD_HOST}.
 */
public interface Configuration {

  /** The value of {@code key}, or null when it is not set. */
  String get(String key);

  /** The value of {@code key}, if set. */
  default Optional<String> find(String key) {
    return Optional.ofNullable(get(key));
  }

  /** The keys this source can list (environment variables excepted), to catch misspellings. */
  Set<String> keys();

  /** What this source is, for messages. */
  String describe();

  /**
   * MicroProfile Config if its API and an implementation are visible from {@code loader}, else
   * system properties and environment variables.
   */
  static Configuration detect(ClassLoader loader) {
    try {
      Class.forName(MicroProfileConfiguration.PROVIDER, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return system(System.getProperties(), System.getenv());
    }
    try {
      return MicroProfileConfiguration.of(loader);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // The API without an implementation: the application asked for nothing we could use.
      System.getLogger(Configuration.class.getName()).log(Level.INFO, "MicroProfile Config API"
          + " present but unusable (" + e + "); reading tapes.* from system properties and"
          + " environment variables");
      return system(System.getProperties(), System.getenv());
    }
  }

  /** System properties first, then environment variables (see the class comment). */
  static Configuration system(Properties properties, Map<String, String> environment) {
    return new Configuration() {
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
        return value != null ? value : environment.get(underscored.toUpperCase(Locale.ROOT));
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
