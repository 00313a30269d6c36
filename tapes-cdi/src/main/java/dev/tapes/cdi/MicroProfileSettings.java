package dev.tapes.cdi;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings read through MicroProfile Config, which itself reads system properties, environment
 * variables and {@code META-INF/microprofile-config.properties}. Loaded only when its API is
 * present: the dependency is optional.
 */
final class MicroProfileSettings implements Settings {

  private final Config config;

  private MicroProfileSettings(Config config) {
    this.config = config;
  }

  static Settings of(ClassLoader loader) {
    return new MicroProfileSettings(ConfigProvider.getConfig(loader));
  }

  @Override
  public String get(String key) {
    return config.getOptionalValue(key, String.class).orElse(null);
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    config.getPropertyNames().forEach(keys::add);
    return keys;
  }

  @Override
  public String describe() {
    return "MicroProfile Config";
  }
}
